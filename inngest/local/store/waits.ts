import type { Db, Sql } from './db.ts';
import type { InngestEvent } from '../types.ts';

export type WaitKind = 'event' | 'cancel' | 'invoke';

export interface WaitCandidate {
  id: string;
  run_id: string;
  kind: WaitKind;
  step_id: string | null;
  expression: string | null;
  run_event: InngestEvent;
}

export async function insertWait(db: Db, sql: Sql, wait: { runId: string; kind: WaitKind; stepId?: string; event?: string; expression?: string | null; expiresAt?: Date | null }) {
  await sql`
    insert into ${db.t.waits} (run_id, kind, step_id, event, expression, expires_at)
    values (${wait.runId}, ${wait.kind}, ${wait.stepId ?? null}, ${wait.event ?? null}, ${wait.expression ?? null}, ${wait.expiresAt ?? null})`;
}

/** Waits and cancellations listening for an event name, oldest first, with the run's own trigger event. */
export async function waitsFor(db: Db, sql: Sql, eventName: string, now: Date): Promise<WaitCandidate[]> {
  return await sql<WaitCandidate[]>`
    select w.id, w.run_id, w.kind, w.step_id, w.expression, r.event as run_event
    from ${db.t.waits} w join ${db.t.runs} r on r.id = w.run_id
    where w.event = ${eventName} and w.kind in ('event', 'cancel') and (w.expires_at is null or w.expires_at > ${now})
      and r.status in ('queued', 'running')
    order by w.id`;
}

/** Removes a wait once; false when something else (an event, a timeout) took it first. */
export async function takeWait(db: Db, sql: Sql, where: { id?: string; runId?: string; stepId?: string; kind?: WaitKind }): Promise<boolean> {
  const rows = where.id
    ? await sql`delete from ${db.t.waits} where id = ${where.id} returning id`
    : await sql`delete from ${db.t.waits} where run_id = ${where.runId!} and step_id = ${where.stepId!} and kind = ${where.kind!} returning id`;
  return rows.length > 0;
}
