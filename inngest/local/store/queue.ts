import type { Db, Sql } from './db.ts';
import type { QueueItem, QueueKind } from '../types.ts';

export interface ReadyItem extends QueueItem {
  function_id: string;
  run_status: string;
  concurrency: { key: string; limit: number }[];
  throttle_key: string | null;
}

/**
 * Asks for a discovery call (stepId=step) unless one is already waiting (it will see the new
 * state too). Not a unique index: a discovery being retried may wait beside a new one; the
 * worker never runs two discoveries of a run at once.
 */
export async function enqueueDiscovery(db: Db, sql: Sql, runId: string, at: Date): Promise<void> {
  await sql`
    insert into ${db.t.queue} (run_id, kind, run_at)
    select ${runId}, 'call', ${at}
    where not exists (select 1 from ${db.t.queue} where run_id = ${runId} and kind = 'call' and step_id is null and leased_until is null)`;
}

/** Asks for a call that runs one planned step; a step is queued once. */
export async function enqueueStep(db: Db, sql: Sql, runId: string, stepId: string, at: Date, attempt = 0): Promise<void> {
  await sql`
    insert into ${db.t.queue} (run_id, kind, step_id, attempt, run_at) values (${runId}, 'call', ${stepId}, ${attempt}, ${at})
    on conflict (run_id, step_id) where kind = 'call' and step_id is not null do nothing`;
}

export async function enqueueTimer(db: Db, sql: Sql, runId: string, kind: Exclude<QueueKind, 'call'>, stepId: string, at: Date): Promise<void> {
  await sql`insert into ${db.t.queue} (run_id, kind, step_id, run_at) values (${runId}, ${kind}, ${stepId}, ${at})`;
}

/** Due items, oldest run first, skipping runs whose concurrency keys are full. */
export async function readyItems(db: Db, sql: Sql, now: Date, saturated: string[], limit: number): Promise<ReadyItem[]> {
  return await sql<ReadyItem[]>`
    select q.id, q.run_id, q.kind, q.step_id, q.attempt, q.run_at, q.payload,
           r.function_id, r.status as run_status, r.concurrency, r.throttle_key
    from ${db.t.queue} q join ${db.t.runs} r on r.id = q.run_id
    where q.leased_until is null and q.run_at <= ${now} and not (r.concurrency_keys && ${saturated}::text[])
    order by (q.kind = 'call'), r.created_at, q.id
    limit ${limit}`;
}

export async function lease(db: Db, sql: Sql, id: string, until: Date): Promise<boolean> {
  const rows = await sql`update ${db.t.queue} set leased_until = ${until} where id = ${id} and leased_until is null returning id`;
  return rows.length > 0;
}

export async function reschedule(db: Db, sql: Sql, id: string, at: Date, attempt?: number): Promise<void> {
  await sql`update ${db.t.queue} set run_at = ${at}, leased_until = null, attempt = coalesce(${attempt ?? null}, attempt) where id = ${id}`;
}

export async function removeItem(db: Db, sql: Sql, id: string): Promise<void> {
  await sql`delete from ${db.t.queue} where id = ${id}`;
}

/** After a crash or restart: items leased by the previous process run again. */
export async function releaseAllLeases(db: Db, sql: Sql): Promise<number> {
  const rows = await sql`update ${db.t.queue} set leased_until = null where leased_until is not null returning id`;
  return rows.length;
}

/** When the next queue item and the next cron are due (to set the wake-up timer). */
export async function nextDue(db: Db, sql: Sql): Promise<{ item?: Date; cron?: Date }> {
  const [row] = await sql<{ item: Date | null; cron: Date | null }[]>`
    select (select min(run_at) from ${db.t.queue} where leased_until is null) as item,
           (select min(next_at) from ${db.t.crons}) as cron`;
  return { item: row?.item ?? undefined, cron: row?.cron ?? undefined };
}
