import { z } from 'zod';
import type { AuthKeys } from '../auth/keys.ts';
import type { Sql } from './authorization.ts';
import type { PresenceTracker } from './presence.ts';
import type { PubSub } from './pubsub.ts';

/**
 * Limits follow hosted Supabase: a broadcast payload may be 256 KB on the Free plan (Realtime
 * measures `max_payload_size_in_kb * 1000 + 500` bytes), WebSocket frames 5 MB (the
 * endpoint's max_frame_size), idle sockets close after 60 s without a frame (Phoenix's
 * transport timeout; realtime-js sends a heartbeat every 25 s), messages are kept 72 hours
 * (Realtime's janitor), and a client may send 5 presence messages per 30 s.
 */
export const realtimeOptionsSchema = z.object({
  /** Postgres URL of the `supabase_realtime_admin` login (database.ts localUrls().realtimeUrl). */
  databaseUrl: z.string().min(1),
  maxPayloadKb: z.number().int().positive().default(256),
  maxFrameBytes: z.number().int().positive().default(5_000_000),
  idleTimeoutMs: z.number().int().positive().default(60_000),
  retentionHours: z.number().positive().default(72),
  cleanupIntervalMs: z.number().int().positive().default(10 * 60_000),
  presenceLimit: z.object({ maxCalls: z.number().int().positive(), windowMs: z.number().int().positive() }).default({ maxCalls: 5, windowMs: 30_000 }),
});
export type RealtimeOptions = z.input<typeof realtimeOptionsSchema>;
export type RealtimeLimits = Omit<z.output<typeof realtimeOptionsSchema>, 'databaseUrl'> & { maxPayloadBytes: number };

/** Everything a connection, channel or REST handler may use; built once per server. */
export interface RealtimeServices {
  sql: Sql;
  keys: AuthKeys;
  pubsub: PubSub;
  presence: PresenceTracker;
  limits: RealtimeLimits;
  /** True while the database listener is receiving (the `replication_ready` system message). */
  listenerReady: () => boolean;
  log: (line: string) => void;
}

export function resolveLimits(options: z.output<typeof realtimeOptionsSchema>): RealtimeLimits {
  const { databaseUrl: _url, ...rest } = options;
  return { ...rest, maxPayloadBytes: options.maxPayloadKb * 1000 + 500 };
}

/** Bytes of a JSON payload as it travels. */
export function jsonSize(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}
