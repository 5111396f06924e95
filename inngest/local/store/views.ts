import type { Db } from './db.ts';
import type { RunRow } from '../types.ts';
import { listSteps, type StepRow } from './steps.ts';

export interface HistoryRow {
  id: string;
  at: Date;
  kind: string;
  step_id: string | null;
  attempt: number | null;
  detail: unknown;
}

export async function listRuns(db: Db, opts: { limit: number; status?: string; functionId?: string }): Promise<RunRow[]> {
  const { sql, t } = db;
  return await sql<RunRow[]>`
    select * from ${t.runs}
    where (${opts.status ?? null}::text is null or status = ${opts.status ?? null})
      and (${opts.functionId ?? null}::text is null or function_id = ${opts.functionId ?? null})
    order by created_at desc, id desc limit ${opts.limit}`;
}

export async function runsForEvent(db: Db, eventId: string): Promise<RunRow[]> {
  return await db.sql<RunRow[]>`select * from ${db.t.runs} where event_id = ${eventId} order by created_at`;
}

export async function runDetail(db: Db, runId: string): Promise<{ run: RunRow; steps: StepRow[]; history: HistoryRow[] } | undefined> {
  const [run] = await db.sql<RunRow[]>`select * from ${db.t.runs} where id = ${runId}`;
  if (!run) return undefined;
  const steps = await listSteps(db, db.sql, runId);
  const history = await db.sql<HistoryRow[]>`select * from ${db.t.history} where run_id = ${runId} order by id`;
  return { run, steps, history };
}

export async function countRuns(db: Db): Promise<Record<string, number>> {
  const rows = await db.sql<{ status: string; n: number }[]>`select status, count(*)::int as n from ${db.t.runs} group by status`;
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** A run as the Inngest REST API (`/v1/runs/{id}`, `/v1/events/{id}/runs`) shows it. */
export function runJson(run: RunRow) {
  return {
    run_id: run.id,
    function_id: run.function_id,
    app_id: run.app_id,
    event_id: run.event_id,
    status: run.status.charAt(0).toUpperCase() + run.status.slice(1),
    run_started_at: run.started_at ?? run.created_at,
    ended_at: run.ended_at,
    output: run.status === 'completed' ? run.output : (run.error ?? null),
    attempt: run.attempt,
  };
}
