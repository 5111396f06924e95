import type { Db, Sql } from './db.ts';
import type { JsonError, RunRow, RunStatus } from '../types.ts';

export interface NewRun {
  id: string;
  functionId: string;
  appId: string;
  eventId: string | null;
  events: unknown[];
  concurrency: { key: string; limit: number }[];
  throttleKey: string | null;
  rateKey: string | null;
  parent: { run_id: string; step_id: string } | null;
  replayOf: string | null;
  now: Date;
}

export async function insertRun(db: Db, sql: Sql, run: NewRun): Promise<void> {
  await sql`
    insert into ${db.t.runs} (id, function_id, app_id, status, event_id, event, events, concurrency, concurrency_keys,
                              throttle_key, rate_key, parent, replay_of, created_at)
    values (${run.id}, ${run.functionId}, ${run.appId}, 'queued', ${run.eventId}, ${sql.json(run.events[0] as never)},
            ${sql.json(run.events as never)}, ${sql.json(run.concurrency as never)}, ${run.concurrency.map((c) => c.key)},
            ${run.throttleKey}, ${run.rateKey}, ${run.parent ? sql.json(run.parent) : null}, ${run.replayOf}, ${run.now})`;
}

export async function getRun(db: Db, sql: Sql, id: string, lock = false): Promise<RunRow | undefined> {
  const rows = lock
    ? await sql<RunRow[]>`select * from ${db.t.runs} where id = ${id} for update`
    : await sql<RunRow[]>`select * from ${db.t.runs} where id = ${id}`;
  return rows[0];
}

export async function markStarted(db: Db, sql: Sql, id: string, now: Date): Promise<void> {
  await sql`update ${db.t.runs} set status = 'running', started_at = coalesce(started_at, ${now}) where id = ${id} and status = 'queued'`;
}

export async function updateRunProgress(db: Db, sql: Sql, id: string, fields: { attempt?: number; version?: number; disableImmediate?: boolean }) {
  await sql`
    update ${db.t.runs} set attempt = coalesce(${fields.attempt ?? null}, attempt), version = coalesce(${fields.version ?? null}, version),
      disable_immediate = disable_immediate or ${fields.disableImmediate ?? false}
    where id = ${id}`;
}

/** Ends a run once: false when it had already ended. */
export async function endRun(db: Db, sql: Sql, id: string, status: Exclude<RunStatus, 'queued' | 'running'>, result: { output?: unknown; error?: JsonError }, now: Date): Promise<boolean> {
  const rows = await sql`
    update ${db.t.runs} set status = ${status}, output = ${result.output === undefined ? null : sql.json(result.output as never)},
      error = ${result.error ? sql.json(result.error as never) : null}, ended_at = ${now}
    where id = ${id} and status in ('queued', 'running') returning id`;
  if (!rows.length) return false;
  await sql`delete from ${db.t.queue} where run_id = ${id}`;
  await sql`delete from ${db.t.waits} where run_id = ${id}`;
  return true;
}

/** Runs started within the throttle window of a function and key (for throttling). */
export async function startedSince(db: Db, sql: Sql, functionId: string, key: string, since: Date): Promise<Date[]> {
  const rows = await sql<{ started_at: Date }[]>`
    select started_at from ${db.t.runs} where function_id = ${functionId} and throttle_key = ${key} and started_at > ${since}
    order by started_at`;
  return rows.map((r) => r.started_at);
}

export async function countRateLimited(db: Db, sql: Sql, functionId: string, key: string, since: Date): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from ${db.t.runs} where function_id = ${functionId} and rate_key = ${key} and created_at > ${since}`;
  return row?.n ?? 0;
}

export async function recordHistory(db: Db, sql: Sql, runId: string, kind: string, fields: { stepId?: string | null; attempt?: number; detail?: unknown; at?: Date } = {}) {
  await sql`
    insert into ${db.t.history} (run_id, kind, step_id, attempt, detail, at)
    values (${runId}, ${kind}, ${fields.stepId ?? null}, ${fields.attempt ?? null},
            ${fields.detail === undefined ? null : sql.json(fields.detail as never)}, ${fields.at ?? new Date()})`;
}
