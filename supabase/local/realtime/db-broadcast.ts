import { z } from 'zod';
import type { Sql } from './authorization.ts';
import { startDbListener, type DbListener } from './db-listener.ts';
import type { RealtimeServices } from './options.ts';
import { topicKey } from './pubsub.ts';

/**
 * Broadcast from the database: each committed insert into realtime.messages (realtime.send,
 * realtime.broadcast_changes) reaches the topic's subscribers, in commit order, as a user
 * broadcast with `meta: { id }` (as Realtime's replication handler sends it). The bootstrap's
 * trigger announces rows with NOTIFY; rows too large for a notification are read by id.
 * After a lost listener connection, rows stored meanwhile are read back and delivered once.
 */
export const BROADCAST_CHANNEL = 'realtime_local_broadcast';

const announcementSchema = z.object({
  id: z.string(),
  topic: z.string(),
  event: z.string().nullable(),
  private: z.boolean(),
  inserted_at: z.string(),
  payload: z.unknown().optional(),
  large: z.boolean().optional(),
});
type Row = Omit<z.infer<typeof announcementSchema>, 'large'>;

/** Ids delivered recently, so a catch-up never sends a message twice. */
class RecentIds {
  private readonly ids = new Set<string>();
  private readonly max: number;
  constructor(max: number) {
    this.max = max;
  }
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }
}

export function startDbBroadcast(services: RealtimeServices, opts: { databaseUrl: string; sql: Sql; pingMs?: number }): DbListener {
  const { pubsub, limits, log } = services;
  const recent = new RecentIds(20_000);
  let lastInsertedAt: string | null = null;
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (task: () => Promise<void> | void) => {
    queue = queue.then(task).catch((error: unknown) => log(`realtime: UnableToBroadcastChanges: ${(error as Error).message}`));
  };

  const deliver = (row: Row) => {
    if (!recent.add(row.id)) return;
    if (lastInsertedAt === null || row.inserted_at > lastInsertedAt) lastInsertedAt = row.inserted_at;
    if (row.payload === undefined || row.payload === null) return log(`realtime: UnableToBroadcastChanges: message ${row.id} has no payload`);
    const body = Buffer.from(JSON.stringify(row.payload), 'utf8');
    if (body.length > limits.maxPayloadBytes) {
      return log(`realtime: UnableToBroadcastChanges: message ${row.id} is ${body.length} bytes, over the ${limits.maxPayloadBytes} byte limit`);
    }
    const relay = { kind: 'user', event: row.event ?? '', encoding: 'json', body, meta: { id: row.id } } as const;
    pubsub.publish(topicKey(row.topic, row.private), relay);
  };

  const onNotify = (text: string) => {
    let row: z.infer<typeof announcementSchema>;
    try {
      row = announcementSchema.parse(JSON.parse(text));
    } catch {
      return log('realtime: ignoring a malformed database announcement');
    }
    if (!row.large) return enqueue(() => deliver(row));
    enqueue(async () => {
      const [stored] = await opts.sql<{ payload: unknown }[]>`select payload from realtime.messages where id = ${row.id}`;
      deliver({ ...row, payload: stored?.payload });
    });
  };

  const catchUp = async () => {
    if (lastInsertedAt === null) return;
    const rows = await opts.sql<{ id: string; topic: string; event: string | null; private: boolean | null; payload: unknown; inserted_at: string }[]>`
      select id, topic, event, private, payload, to_char(inserted_at, 'YYYY-MM-DD"T"HH24:MI:SS.US') as inserted_at
      from realtime.messages
      where extension = 'broadcast' and inserted_at >= ${lastInsertedAt}::timestamp - interval '5 seconds'
      order by inserted_at, id limit 10000`;
    for (const r of rows) {
      deliver({ id: r.id, topic: r.topic, event: r.event, private: r.private ?? false, payload: r.payload, inserted_at: r.inserted_at });
    }
  };

  return startDbListener({
    databaseUrl: opts.databaseUrl,
    channel: BROADCAST_CHANNEL,
    pingMs: opts.pingMs ?? 5_000,
    // A macrotask later: after a reconnection postgres.js reports "listening" in microtasks, so the
    // catch-up is queued before any notification that came with (or right after) the new LISTEN.
    onNotify: (text) => setImmediate(() => onNotify(text)),
    onListen: (reconnected) => {
      if (reconnected) return enqueue(catchUp);
      enqueue(async () => {
        const [row] = await opts.sql<{ now: string }[]>`select to_char(now()::timestamp, 'YYYY-MM-DD"T"HH24:MI:SS.US') as now`;
        lastInsertedAt ??= row?.now ?? null;
      });
    },
    log,
  });
}
