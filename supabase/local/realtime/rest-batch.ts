import { emptyPolicies, writePolicies } from './authorization.ts';
import { jsonSize, type RealtimeServices } from './options.ts';
import { isRecord } from './protocol.ts';
import { topicKey } from './pubsub.ts';
import { RestError } from './rest-http.ts';
import type { RealtimeClaims } from './tokens.ts';

/**
 * POST /api/broadcast `{ messages: [{ topic, event, payload, private?, id? }] }`
 * (Realtime.Tenants.BatchBroadcast; realtime-js `send()` falls back to it before a channel
 * is joined). 202 when valid; invalid messages are 422 `{ errors: { messages: [...] } }` in
 * Ecto's shape. Messages for private topics the caller may not write to are dropped silently.
 */
interface BatchMessage {
  topic: string;
  event: string;
  payload: Record<string, unknown>;
  isPrivate: boolean;
  id?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function castBoolean(value: unknown): boolean | 'invalid' {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return 'invalid';
}

function validate(raw: unknown, maxPayloadBytes: number): { message?: BatchMessage; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const add = (field: string, text: string) => (errors[field] ??= []).push(text);
  const m = isRecord(raw) ? raw : {};
  if (!isRecord(raw)) add('messages', 'is invalid');
  for (const field of ['topic', 'event'] as const) {
    if (m[field] === undefined || m[field] === null || m[field] === '') add(field, "can't be blank");
    else if (typeof m[field] !== 'string') add(field, 'is invalid');
  }
  if (m.payload === undefined || m.payload === null) add('payload', "can't be blank");
  else if (!isRecord(m.payload)) add('payload', 'is invalid');
  else if (jsonSize(m.payload) > maxPayloadBytes) add('payload', 'Payload size exceeds tenant limit');
  const isPrivate = castBoolean(m.private);
  if (isPrivate === 'invalid') add('private', 'is invalid');
  if (m.id !== undefined && m.id !== null && !(typeof m.id === 'string' && UUID.test(m.id))) add('id', 'is invalid');
  if (Object.keys(errors).length > 0) return { errors };
  const message: BatchMessage = {
    topic: m.topic as string,
    event: m.event as string,
    payload: m.payload as Record<string, unknown>,
    isPrivate: isPrivate === true,
  };
  if (typeof m.id === 'string') message.id = m.id;
  return { message, errors };
}

export async function batchBroadcast(services: RealtimeServices, claims: RealtimeClaims, body: Record<string, unknown>): Promise<void> {
  const list = body.messages;
  if (list === undefined || list === null || (Array.isArray(list) && list.length === 0)) {
    throw new RestError(422, { errors: { messages: ["can't be blank"] } });
  }
  if (!Array.isArray(list)) throw new RestError(422, { errors: { messages: ['is invalid'] } });
  const results = list.map((raw) => validate(raw, services.limits.maxPayloadBytes));
  if (results.some((r) => !r.message)) throw new RestError(422, { errors: { messages: results.map((r) => r.errors) } });
  const messages = results.map((r) => r.message as BatchMessage);

  const allowedPrivate = new Map<string, boolean>();
  for (const topic of new Set(messages.filter((m) => m.isPrivate).map((m) => m.topic))) {
    try {
      const policies = await writePolicies(services.sql, { topic, claims }, emptyPolicies(), ['broadcast', 'presence']);
      allowedPrivate.set(topic, policies.broadcast.write === true);
    } catch (error) {
      services.log(`realtime: UnableToSetPolicies for a REST broadcast to ${topic}: ${(error as Error).message}`);
      allowedPrivate.set(topic, false);
    }
  }
  for (const m of messages) {
    if (m.isPrivate && !allowedPrivate.get(m.topic)) continue;
    const payload: Record<string, unknown> = { payload: m.payload, event: m.event, type: 'broadcast' };
    if (m.id) payload.meta = { id: m.id };
    services.pubsub.publish(topicKey(m.topic, m.isPrivate), { kind: 'map', event: 'broadcast', payload });
  }
}
