import { decodeBinaryFrame, encodeUserBroadcast } from './binary-frames.ts';
import { FrameError, isRecord, type IncomingMessage, type OutgoingMessage, type Ref, type Relay, type Vsn } from './protocol.ts';

/**
 * Phoenix's serializers as Realtime configures them: `vsn=1.0.0` speaks JSON objects
 * `{topic, event, payload, ref}` (no join_ref on the way out), `vsn=2.0.0` JSON arrays
 * `[join_ref, ref, topic, event, payload]` plus the binary broadcast frames.
 */

/** Phoenix matches `~> 1.0.0` and `~> 2.0.0`; a missing vsn means 1.0.0. Null: refuse the socket. */
export function negotiateVsn(requested: string | null): Vsn | null {
  const value = requested ?? '1.0.0';
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(value);
  if (!match) return null;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major === 1 && minor === 0) return '1.0.0';
  if (major === 2 && minor === 0) return '2.0.0';
  return null;
}

function ref(value: unknown, field: string): Ref {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  throw new FrameError(`${field} must be a string or null`);
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new FrameError(`${field} must be a string`);
  return value;
}

function parseJson(data: Buffer): unknown {
  try {
    return JSON.parse(data.toString('utf8'));
  } catch {
    throw new FrameError('frame is not valid JSON');
  }
}

export function decodeFrame(vsn: Vsn, data: Buffer, isBinary: boolean): IncomingMessage {
  if (vsn === '1.0.0') {
    if (isBinary) throw new FrameError('vsn 1.0.0 expects text frames');
    const value = parseJson(data);
    if (!isRecord(value)) throw new FrameError('V1 JSON Serializer expected a map');
    for (const key of ['topic', 'event', 'payload', 'ref']) {
      if (!(key in value)) throw new FrameError(`missing key "${key}"`);
    }
    return {
      joinRef: ref(value.join_ref, 'join_ref'),
      ref: ref(value.ref, 'ref'),
      topic: text(value.topic, 'topic'),
      event: text(value.event, 'event'),
      payload: value.payload,
    };
  }
  if (isBinary) return decodeBinaryFrame(data);
  const value = parseJson(data);
  if (!Array.isArray(value) || value.length < 5) throw new FrameError('expected V2 array [join_ref, ref, topic, event, payload]');
  return {
    joinRef: ref(value[0], 'join_ref'),
    ref: ref(value[1], 'ref'),
    topic: text(value[2], 'topic'),
    event: text(value[3], 'event'),
    payload: value[4],
  };
}

export function encodeMessage(vsn: Vsn, message: OutgoingMessage): string {
  if (vsn === '1.0.0') {
    return JSON.stringify({ topic: message.topic, event: message.event, payload: message.payload, ref: message.ref });
  }
  return JSON.stringify([message.joinRef, message.ref, message.topic, message.event, message.payload]);
}

export function encodeReply(
  vsn: Vsn,
  reply: { joinRef: Ref; ref: Ref; topic: string; status: 'ok' | 'error'; response: unknown },
): string {
  return encodeMessage(vsn, {
    joinRef: reply.joinRef,
    ref: reply.ref,
    topic: reply.topic,
    event: 'phx_reply',
    payload: { status: reply.status, response: reply.response },
  });
}

/**
 * A relayed broadcast for one serializer. V1 cannot carry binary user payloads (null: not
 * delivered); JSON user payloads are inlined as they were sent.
 */
export function encodeRelay(vsn: Vsn, topic: string, relay: Relay): string | Buffer | null {
  if (relay.kind === 'map') {
    return encodeMessage(vsn, { joinRef: null, ref: null, topic, event: relay.event, payload: relay.payload });
  }
  if (vsn === '2.0.0') return encodeUserBroadcast(topic, relay);
  if (relay.encoding !== 'json') return null;
  const meta = relay.meta ? `,"meta":${JSON.stringify(relay.meta)}` : '';
  const payload = `{"event":${JSON.stringify(relay.event)},"payload":${relay.body.toString('utf8')},"type":"broadcast"${meta}}`;
  return `{"topic":${JSON.stringify(topic)},"event":"broadcast","payload":${payload},"ref":null}`;
}
