import type { Db, Sql } from './db.ts';
import type { JsonError } from '../types.ts';

export type StepStatus = 'planned' | 'sleeping' | 'waiting' | 'invoking' | 'done' | 'failed';
export type StepResult = { data: unknown } | { error: JsonError };

export interface StepRow {
  run_id: string;
  id: string;
  name: string | null;
  op: string;
  status: StepStatus;
  opts: Record<string, unknown> | null;
  data: unknown;
  error: JsonError | null;
  attempts: number;
  created_at: Date;
  ended_at: Date | null;
}

/** The memoized state sent with a call: results by hashed step id, and the order they completed in. */
export async function memoizedSteps(db: Db, sql: Sql, runId: string): Promise<{ steps: Record<string, StepResult>; stack: string[] }> {
  const rows = await sql<StepRow[]>`
    select id, status, data, error from ${db.t.steps}
    where run_id = ${runId} and status in ('done', 'failed') order by ended_at, seq`;
  const steps: Record<string, StepResult> = {};
  for (const row of rows) steps[row.id] = row.status === 'failed' ? { error: row.error! } : { data: row.data };
  return { steps, stack: rows.map((r) => r.id) };
}

/** Records a newly reported step; false when the step is already known (planned twice, or done). */
export async function planStep(db: Db, sql: Sql, runId: string, step: { id: string; name: string | null; op: string; status: StepStatus; opts?: unknown }): Promise<boolean> {
  const rows = await sql`
    insert into ${db.t.steps} (run_id, id, name, op, status, opts)
    values (${runId}, ${step.id}, ${step.name}, ${step.op}, ${step.status}, ${step.opts ? sql.json(step.opts as never) : null})
    on conflict (run_id, id) do nothing returning id`;
  return rows.length > 0;
}

/** Stores a step's final result once; false when it already had one. */
export async function memoizeStep(db: Db, sql: Sql, runId: string, step: { id: string; name?: string | null; op: string }, result: StepResult, now: Date): Promise<boolean> {
  const failed = 'error' in result;
  const data = failed ? null : sql.json((result.data ?? null) as never);
  const error = failed ? sql.json(result.error as never) : null;
  const rows = await sql`
    insert into ${db.t.steps} (run_id, id, name, op, status, data, error, attempts, ended_at)
    values (${runId}, ${step.id}, ${step.name ?? null}, ${step.op}, ${failed ? 'failed' : 'done'}, ${data}, ${error}, 1, ${now})
    on conflict (run_id, id) do update set status = excluded.status, data = excluded.data, error = excluded.error,
      name = coalesce(${db.t.steps}.name, excluded.name), attempts = ${db.t.steps}.attempts + 1, ended_at = excluded.ended_at
    where ${db.t.steps}.status not in ('done', 'failed') returning id`;
  return rows.length > 0;
}

/** Counts a failed attempt of a step that will be retried, keeping its latest error for the page. */
export async function recordStepAttempt(db: Db, sql: Sql, runId: string, step: { id: string; name?: string | null; op: string }, error: JsonError): Promise<void> {
  await sql`
    insert into ${db.t.steps} (run_id, id, name, op, status, error, attempts)
    values (${runId}, ${step.id}, ${step.name ?? null}, ${step.op}, 'planned', ${sql.json(error as never)}, 1)
    on conflict (run_id, id) do update set attempts = ${db.t.steps}.attempts + 1, error = excluded.error`;
}

export async function getStep(db: Db, sql: Sql, runId: string, stepId: string): Promise<StepRow | undefined> {
  const [row] = await sql<StepRow[]>`select * from ${db.t.steps} where run_id = ${runId} and id = ${stepId}`;
  return row;
}

export async function listSteps(db: Db, sql: Sql, runId: string): Promise<StepRow[]> {
  return await sql<StepRow[]>`select * from ${db.t.steps} where run_id = ${runId} order by seq`;
}
