import type { Sql } from './authorization.ts';
import { isRecord } from './protocol.ts';

/**
 * `config.broadcast.replay` on a private channel (Realtime.Messages.replay): the newest
 * `limit` (1–25, default 25) stored broadcasts of the topic since `since` (ms since the epoch),
 * pushed oldest first right after the join with `meta: { replayed: true, id }`.
 */
export interface ReplayedMessage {
  id: string;
  event: string;
  payload: unknown;
}

export type ReplayRequest = { since: number; limit: number } | 'invalid';

export function parseReplay(value: unknown): ReplayRequest {
  if (!isRecord(value)) return 'invalid';
  const since = value.since ?? 0;
  const limit = value.limit ?? 25;
  if (typeof since !== 'number' || !Number.isInteger(since) || typeof limit !== 'number' || !Number.isInteger(limit)) return 'invalid';
  return { since, limit: Math.max(1, Math.min(25, limit)) };
}

export async function loadReplay(sql: Sql, topic: string, request: { since: number; limit: number }): Promise<ReplayedMessage[]> {
  const rows = await sql<{ id: string; event: string | null; payload: unknown }[]>`
    select id, event, payload from realtime.messages
    where topic = ${topic} and private is true and extension = 'broadcast'
      and inserted_at >= to_timestamp(${request.since}::float8 / 1000)::timestamp
      and inserted_at < now()::timestamp + interval '1 minute'
    order by inserted_at desc
    limit ${request.limit}`;
  return rows.reverse().map((r) => ({ id: r.id, event: r.event ?? '', payload: r.payload }));
}
