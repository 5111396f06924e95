/**
 * The Phoenix channel protocol as Supabase Realtime speaks it: message shapes shared by
 * the serializers, the connection and the channels.
 */

export type Vsn = '1.0.0' | '2.0.0';

/** Phoenix refs are strings from realtime-js; other JSON scalars are echoed back as sent. */
export type Ref = string | number | null;

/** A broadcast pushed by a v2 client as a binary frame (kind 3), or relayed to v2 clients (kind 4). */
export interface UserBroadcast {
  kind: 'user';
  event: string;
  encoding: 'json' | 'binary';
  /** The user payload exactly as sent: JSON text (encoding json) or raw bytes. */
  body: Buffer;
  /** Metadata shown to receivers as `meta` (DB broadcasts carry their row id). */
  meta: Record<string, unknown> | null;
}

/** A Phoenix broadcast with a JSON map payload (client JSON broadcasts, the batch REST API, presence diffs). */
export interface MapBroadcast {
  kind: 'map';
  event: string;
  payload: Record<string, unknown>;
}

export type Relay = UserBroadcast | MapBroadcast;

/** Payload of a v2 binary "user broadcast push" frame (kind 3); metadata is dropped, as Realtime does. */
export class UserBroadcastPush {
  readonly event: string;
  readonly encoding: 'json' | 'binary';
  readonly body: Buffer;
  constructor(event: string, encoding: 'json' | 'binary', body: Buffer) {
    this.event = event;
    this.encoding = encoding;
    this.body = body;
  }
}

/** Payload of a v2 binary push frame (kind 0): accepted on the wire, ignored by the channels. */
export class BinaryPush {
  readonly data: Buffer;
  constructor(data: Buffer) {
    this.data = data;
  }
}

export interface IncomingMessage {
  joinRef: Ref;
  ref: Ref;
  topic: string;
  event: string;
  payload: unknown;
}

export interface OutgoingMessage {
  joinRef: Ref;
  ref: Ref;
  topic: string;
  event: string;
  payload: unknown;
}

/** A frame the server cannot decode: Phoenix closes such a connection (the transport crashes). */
export class FrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrameError';
  }
}

export const EVENTS = {
  join: 'phx_join',
  leave: 'phx_leave',
  reply: 'phx_reply',
  close: 'phx_close',
  error: 'phx_error',
  heartbeat: 'heartbeat',
  accessToken: 'access_token',
  broadcast: 'broadcast',
  presence: 'presence',
  presenceState: 'presence_state',
  presenceDiff: 'presence_diff',
  system: 'system',
} as const;

/** A plain JSON object (not an array, not a decoded binary frame). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
