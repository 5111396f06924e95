import type { Db, Sql } from './db.ts';
import type { InngestEvent } from '../types.ts';

/** Stores an event; false when an event with this id was already received. */
export async function insertEvent(db: Db, sql: Sql, internalId: string, event: InngestEvent, receivedAt: Date): Promise<boolean> {
  const rows = await sql`
    insert into ${db.t.events} (id, name, payload, received_at) values (${internalId}, ${event.name}, ${sql.json(event as never)}, ${receivedAt})
    on conflict (id) do nothing returning id`;
  return rows.length > 0;
}

/**
 * Claims a key within a scope until `expiresAt` (event ids, idempotency keys): true for the
 * first claim, false while an earlier claim is still valid.
 */
export async function claimKey(db: Db, sql: Sql, scope: string, key: string, runId: string | null, now: Date, expiresAt: Date): Promise<boolean> {
  const rows = await sql`
    insert into ${db.t.dedupe} (scope, key, run_id, expires_at) values (${scope}, ${key}, ${runId}, ${expiresAt})
    on conflict (scope, key) do update set run_id = excluded.run_id, expires_at = excluded.expires_at
    where ${db.t.dedupe}.expires_at <= ${now} returning key`;
  return rows.length > 0;
}

export async function getEvent(db: Db, sql: Sql, id: string): Promise<InngestEvent | undefined> {
  const [row] = await sql<{ payload: InngestEvent }[]>`select payload from ${db.t.events} where id = ${id}`;
  return row?.payload;
}
