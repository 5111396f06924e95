import type { Sql } from '../store/db.ts';
import { insertEvent } from '../store/events.ts';
import { enqueueStep, enqueueTimer } from '../store/queue.ts';
import { recordHistory } from '../store/runs.ts';
import { memoizeStep, planStep } from '../store/steps.ts';
import { insertWait } from '../store/waits.ts';
import { resolveUntil, ulid } from '../time.ts';
import type { Op, RunRow } from '../types.ts';
import type { Engine } from './context.ts';
import { createRun } from './create-run.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * Records a reported step that the executor (not the SDK) completes later: a planned step to
 * call, a sleep, a wait for an event, an invocation. Reporting a known step again changes
 * nothing. Returns true when the step got a result right away (unsupported op, unknown function).
 */
export async function planAsyncOp(engine: Engine, sql: Sql, run: RunRow, op: Op, now: Date): Promise<boolean> {
  const { db } = engine;
  const opts = op.opts ?? {};
  const name = op.displayName ?? op.name ?? null;
  const fail = async (message: string) => {
    await memoizeStep(db, sql, run.id, { id: op.id, name, op: op.op }, { error: { name: 'Error', message } }, now);
    await recordHistory(db, sql, run.id, 'step.failed', { stepId: op.id, at: now, detail: { message } });
    return true;
  };
  switch (op.op) {
    case 'StepPlanned':
      if (await planStep(db, sql, run.id, { id: op.id, name, op: op.op, status: 'planned', opts })) await enqueueStep(db, sql, run.id, op.id, now);
      return false;
    case 'Sleep': {
      const until = resolveUntil(str(opts.duration) ?? op.name ?? '', now.getTime());
      if (until === undefined) return fail(`Cannot read the sleep duration "${op.name}"`);
      if (await planStep(db, sql, run.id, { id: op.id, name, op: op.op, status: 'sleeping', opts: { until: new Date(until) } })) {
        await enqueueTimer(db, sql, run.id, 'sleep', op.id, new Date(until));
      }
      return false;
    }
    case 'WaitForEvent': {
      const timeout = str(opts.timeout);
      const until = timeout ? resolveUntil(timeout, now.getTime()) : undefined;
      const event = str(opts.event) ?? op.name ?? '';
      if (!(await planStep(db, sql, run.id, { id: op.id, name, op: op.op, status: 'waiting', opts: { ...opts, event } }))) return false;
      await insertWait(db, sql, { runId: run.id, kind: 'event', stepId: op.id, event, expression: str(opts.if) ?? null, expiresAt: until ? new Date(until) : null });
      if (until) await enqueueTimer(db, sql, run.id, 'wait_timeout', op.id, new Date(until));
      return false;
    }
    case 'InvokeFunction': {
      if (!(await planStep(db, sql, run.id, { id: op.id, name, op: op.op, status: 'invoking', opts }))) return false;
      const target = engine.registry.get(str(opts.function_id) ?? '');
      if (!target) return fail(`Cannot invoke "${String(opts.function_id)}": no synced function has that id`);
      const payload = (opts.payload ?? {}) as { data?: Record<string, unknown>; v?: string };
      const id = ulid(now.getTime());
      const event = { id, name: 'inngest/function.invoked', data: payload.data ?? {}, ts: now.getTime(), ...(payload.v ? { v: payload.v } : {}) };
      await insertEvent(db, sql, id, event, now);
      await insertWait(db, sql, { runId: run.id, kind: 'invoke', stepId: op.id });
      const child = await createRun(engine, sql, target, [event], { now, parent: { run_id: run.id, step_id: op.id } });
      if (!child) return fail(`"${target.id}" skipped the invocation (idempotency key or rate limit)`);
      const timeout = str(opts.timeout);
      const until = timeout ? resolveUntil(timeout, now.getTime()) : undefined;
      if (until) await enqueueTimer(db, sql, run.id, 'invoke_timeout', op.id, new Date(until));
      await recordHistory(db, sql, run.id, 'step.invoked', { stepId: op.id, at: now, detail: { function: target.id, runId: child } });
      return false;
    }
    default:
      return fail(`The step op "${op.op}" is not supported by the local Inngest executor (inngest/local/README.md)`);
  }
}
