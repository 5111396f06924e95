import { matchesExpression } from '../expression/evaluate.ts';
import type { Sql } from '../store/db.ts';
import { claimKey, insertEvent } from '../store/events.ts';
import { enqueueDiscovery } from '../store/queue.ts';
import { recordHistory } from '../store/runs.ts';
import { memoizeStep } from '../store/steps.ts';
import { takeWait, waitsFor } from '../store/waits.ts';
import { ulid } from '../time.ts';
import type { InngestEvent } from '../types.ts';
import type { Engine } from './context.ts';
import { createRun } from './create-run.ts';
import { cancelRun } from './finish.ts';

const DAY = 86_400_000;

/**
 * Takes received events in one transaction: stores each, starts the runs its name and
 * trigger `if` select, resumes runs waiting for it (waitForEvent) and cancels runs whose
 * `cancelOn` matches. `internalIds` are the ids answered to the sender; an id seen before
 * (a retried send) and a user `id` seen in the last 24 hours start nothing again.
 * The caller wakes the worker after its transaction commits.
 */
export async function ingestEvents(engine: Engine, sql: Sql, events: { internalId: string; event: InngestEvent }[], now: Date): Promise<void> {
  const { db } = engine;
  for (const { internalId, event } of events) {
    if (!(await insertEvent(db, sql, internalId, event, now))) continue;
    if (event.id !== internalId && !(await claimKey(db, sql, 'event-id', event.id, null, now, new Date(now.getTime() + DAY)))) continue;
    for (const { fn, expression } of engine.registry.forEvent(event.name)) {
      if (!matchesExpression(expression, { event })) continue;
      await createRun(engine, sql, fn, [event], { now, eventId: internalId });
    }
    for (const wait of await waitsFor(db, sql, event.name, now)) {
      if (!matchesExpression(wait.expression ?? undefined, { event: wait.run_event, async: event })) continue;
      if (!(await takeWait(db, sql, { id: wait.id }))) continue;
      if (wait.kind === 'cancel') {
        await cancelRun(engine, sql, wait.run_id, now, `cancelled by event ${event.name}`);
      } else if (wait.step_id) {
        await memoizeStep(db, sql, wait.run_id, { id: wait.step_id, op: 'WaitForEvent' }, { data: event }, now);
        await recordHistory(db, sql, wait.run_id, 'step.event_received', { stepId: wait.step_id, at: now, detail: { event: event.name, id: internalId } });
        await enqueueDiscovery(db, sql, wait.run_id, now);
      }
    }
  }
}

/** Sends one of Inngest's own events (`inngest/function.failed` and the like). */
export async function emitInternalEvent(engine: Engine, sql: Sql, name: string, data: Record<string, unknown>, now: Date): Promise<void> {
  const id = ulid(now.getTime());
  await ingestEvents(engine, sql, [{ internalId: id, event: { id, name, data, ts: now.getTime() } }], now);
}
