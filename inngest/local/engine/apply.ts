import type { Sql } from '../store/db.ts';
import { enqueueDiscovery, enqueueStep, reschedule, removeItem } from '../store/queue.ts';
import { recordHistory, updateRunProgress } from '../store/runs.ts';
import { memoizeStep, recordStepAttempt } from '../store/steps.ts';
import { jsonErrorSchema, type JsonError, type Op, type QueueItem, type RunRow } from '../types.ts';
import type { Outcome } from './call.ts';
import { backoffDelay, type Engine } from './context.ts';
import { completeRun, failRun } from './finish.ts';
import type { RegisteredFunction } from './registry.ts';
import { planAsyncOp } from './async-ops.ts';

interface Applying {
  engine: Engine;
  sql: Sql;
  run: RunRow;
  item: QueueItem;
  fn: RegisteredFunction;
  now: Date;
}

export function toJsonError(value: unknown): JsonError {
  const parsed = jsonErrorSchema.safeParse(value);
  return parsed.success ? parsed.data : { name: 'Error', message: typeof value === 'string' ? value : JSON.stringify(value ?? null) };
}

/** Applies what a call answered to the run, in the caller's transaction (the item is leased). */
export async function applyOutcome(a: Applying, outcome: Outcome): Promise<void> {
  const { engine, sql, run, item, now } = a;
  if (run.status !== 'queued' && run.status !== 'running') return removeItem(engine.db, sql, item.id);
  if (run.attempt !== item.attempt || (outcome.version !== undefined && outcome.version !== run.version)) {
    await updateRunProgress(engine.db, sql, run.id, { attempt: item.attempt, version: outcome.version });
  }
  if (outcome.kind === 'complete') return completeRun(engine, sql, run, outcome.data, now);
  if (outcome.kind === 'error') return retryOrFail(a, outcome.error, outcome.retriable, outcome.retryAt);
  return applyOps(a, outcome.ops, outcome.noRetry, outcome.retryAt);
}

/** A failed call: the same call again after a backoff (or Retry-After), or the run fails. */
async function retryOrFail(a: Applying, error: JsonError, retriable: boolean, retryAt?: number): Promise<void> {
  const { engine, sql, run, item, fn, now } = a;
  await recordHistory(engine.db, sql, run.id, 'call.failed', { stepId: item.step_id, attempt: item.attempt, at: now, detail: error });
  const next = item.attempt + 1;
  if (!retriable || next >= fn.maxAttempts) return failRun(engine, sql, run, error, now);
  const at = new Date(retryAt ?? now.getTime() + backoffDelay(engine.settings, item.attempt));
  await reschedule(engine.db, sql, item.id, at, next);
  await recordHistory(engine.db, sql, run.id, 'retry.scheduled', { stepId: item.step_id, attempt: next, at: now, detail: { at, delayMs: at.getTime() - now.getTime() } });
}

async function applyOps(a: Applying, ops: Op[], noRetry: boolean, retryAt?: number): Promise<void> {
  const { engine, sql, run, item, fn, now } = a;
  const { db } = engine;
  let progressed = false;
  let keepItem = false;
  if (ops.length > 1) await updateRunProgress(db, sql, run.id, { disableImmediate: true });
  for (const op of ops) {
    const step = { id: op.id, name: op.displayName ?? op.name ?? null, op: op.op };
    if (op.op === 'StepRun' || op.op === 'Step') {
      if (await memoizeStep(db, sql, run.id, step, { data: op.data ?? null }, now)) {
        await recordHistory(db, sql, run.id, 'step.completed', { stepId: op.id, attempt: item.attempt, at: now });
        progressed = true;
      }
    } else if (op.op === 'StepError' && !noRetry && item.attempt + 1 < fn.maxAttempts) {
      const error = toJsonError(op.error);
      const at = new Date(retryAt ?? now.getTime() + backoffDelay(engine.settings, item.attempt));
      await recordStepAttempt(db, sql, run.id, step, error);
      if (item.step_id === op.id) {
        await reschedule(db, sql, item.id, at, item.attempt + 1);
        keepItem = true;
      } else await enqueueStep(db, sql, run.id, op.id, at, item.attempt + 1);
      await recordHistory(db, sql, run.id, 'step.errored', { stepId: op.id, attempt: item.attempt, at: now, detail: { error, retryAt: at, delayMs: at.getTime() - now.getTime() } });
    } else if (op.op === 'StepError' || op.op === 'StepFailed') {
      const error = toJsonError(op.error);
      if (await memoizeStep(db, sql, run.id, step, { error }, now)) {
        await recordHistory(db, sql, run.id, 'step.failed', { stepId: op.id, attempt: item.attempt, at: now, detail: error });
        progressed = true;
      }
    } else if (op.op === 'RunComplete') {
      return completeRun(engine, sql, run, op.data ?? null, now);
    } else {
      progressed = (await planAsyncOp(engine, sql, run, op, now)) || progressed;
    }
  }
  if (progressed) await enqueueDiscovery(db, sql, run.id, now);
  if (!keepItem) await removeItem(db, sql, item.id);
}
