import { nextCronTime } from '../cron.ts';
import type { Sql } from '../store/db.ts';
import { advanceCron, dueCrons } from '../store/apps.ts';
import { insertEvent } from '../store/events.ts';
import { enqueueDiscovery, removeItem } from '../store/queue.ts';
import { recordHistory } from '../store/runs.ts';
import { getStep, memoizeStep, type StepResult } from '../store/steps.ts';
import { takeWait } from '../store/waits.ts';
import { ulid } from '../time.ts';
import type { QueueItem } from '../types.ts';
import type { Engine } from './context.ts';
import { createRun } from './create-run.ts';

/** A due timer: a sleep ends, a waitForEvent or an invocation times out. */
export async function fireTimer(engine: Engine, sql: Sql, item: QueueItem, now: Date): Promise<void> {
  const { db } = engine;
  await removeItem(db, sql, item.id);
  const stepId = item.step_id!;
  let result: StepResult | undefined;
  if (item.kind === 'sleep') {
    const step = await getStep(db, sql, item.run_id, stepId);
    if (step?.status === 'sleeping') result = { data: null };
  } else if (item.kind === 'wait_timeout') {
    if (await takeWait(db, sql, { runId: item.run_id, stepId, kind: 'event' })) result = { data: null };
  } else if (item.kind === 'invoke_timeout') {
    if (await takeWait(db, sql, { runId: item.run_id, stepId, kind: 'invoke' })) {
      result = { error: { name: 'InngestInvokeTimeoutError', message: 'Timed out waiting for the invoked function to complete' } };
    }
  }
  if (!result) return;
  const op = item.kind === 'sleep' ? 'Sleep' : item.kind === 'wait_timeout' ? 'WaitForEvent' : 'InvokeFunction';
  await memoizeStep(db, sql, item.run_id, { id: stepId, op }, result, now);
  await recordHistory(db, sql, item.run_id, `step.${item.kind === 'sleep' ? 'woke' : 'timed_out'}`, { stepId, at: now });
  await enqueueDiscovery(db, sql, item.run_id, now);
}

/** Starts a run for each cron schedule that is due, with `inngest/scheduled.timer`, and moves it on. */
export async function fireCrons(engine: Engine, sql: Sql, now: Date): Promise<number> {
  let fired = 0;
  for (const due of await dueCrons(engine.db, sql, now)) {
    await advanceCron(engine.db, sql, due.function_id, due.cron, nextCronTime(due.cron, now));
    const fn = engine.registry.get(due.function_id);
    if (!fn) continue;
    const id = ulid(now.getTime());
    const event = { id, name: 'inngest/scheduled.timer', data: { cron: due.cron }, ts: now.getTime() };
    await insertEvent(engine.db, sql, id, event, now);
    if (await createRun(engine, sql, fn, [event], { now, eventId: id })) fired += 1;
  }
  return fired;
}
