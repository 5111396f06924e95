import type { Sql } from '../store/db.ts';
import { enqueueDiscovery } from '../store/queue.ts';
import { endRun, getRun, recordHistory } from '../store/runs.ts';
import { memoizeStep, type StepResult } from '../store/steps.ts';
import { takeWait } from '../store/waits.ts';
import type { JsonError, RunRow } from '../types.ts';
import type { Engine } from './context.ts';
import { emitInternalEvent } from './ingest.ts';

/** A run returned: store its output, tell `inngest/function.finished` and an invoking parent. */
export async function completeRun(engine: Engine, sql: Sql, run: RunRow, output: unknown, now: Date): Promise<void> {
  if (!(await endRun(engine.db, sql, run.id, 'completed', { output: output ?? null }, now))) return;
  await recordHistory(engine.db, sql, run.id, 'run.completed', { at: now });
  await emitInternalEvent(engine, sql, 'inngest/function.finished', { function_id: run.function_id, run_id: run.id, event: run.event, result: output ?? null }, now);
  await settleParent(engine, sql, run, { data: output ?? null }, now);
}

/** A run failed for good: `inngest/function.failed` (which starts any onFailure handler), then finished. */
export async function failRun(engine: Engine, sql: Sql, run: RunRow, error: JsonError, now: Date): Promise<void> {
  if (!(await endRun(engine.db, sql, run.id, 'failed', { error }, now))) return;
  await recordHistory(engine.db, sql, run.id, 'run.failed', { at: now, detail: error });
  await emitInternalEvent(engine, sql, 'inngest/function.failed', { function_id: run.function_id, run_id: run.id, error, event: run.event }, now);
  await emitInternalEvent(engine, sql, 'inngest/function.finished', { function_id: run.function_id, run_id: run.id, event: run.event, error }, now);
  await settleParent(engine, sql, run, { error }, now);
}

/** Cancels a run that has not ended (cancelOn, the page, the API) and sends `inngest/function.cancelled`. */
export async function cancelRun(engine: Engine, sql: Sql, runId: string, now: Date, reason: string): Promise<boolean> {
  const run = await getRun(engine.db, sql, runId, true);
  if (!run) return false;
  const error = { name: 'Error', message: 'function cancelled' };
  if (!(await endRun(engine.db, sql, run.id, 'cancelled', { error }, now))) return false;
  await recordHistory(engine.db, sql, run.id, 'run.cancelled', { at: now, detail: { reason } });
  await emitInternalEvent(engine, sql, 'inngest/function.cancelled', { function_id: run.function_id, run_id: run.id, event: run.event, error }, now);
  await settleParent(engine, sql, run, { error: { name: 'Error', message: 'The invoked function was cancelled' } }, now);
  return true;
}

/** The result of an invoked run becomes the invoking step's result (unless it timed out first). */
async function settleParent(engine: Engine, sql: Sql, run: RunRow, result: StepResult, now: Date): Promise<void> {
  if (!run.parent) return;
  const { run_id, step_id } = run.parent;
  if (!(await takeWait(engine.db, sql, { runId: run_id, stepId: step_id, kind: 'invoke' }))) return;
  await memoizeStep(engine.db, sql, run_id, { id: step_id, op: 'InvokeFunction' }, result, now);
  await recordHistory(engine.db, sql, run_id, 'step.invoke_finished', { stepId: step_id, at: now, detail: { runId: run.id } });
  await enqueueDiscovery(engine.db, sql, run_id, now);
}
