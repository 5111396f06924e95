import { inngest } from '@/inngest/client';
import { log } from '@/lib/log';

/** An event made with one of inngest/domain-events.ts's types: `taskAssigned.create(data, { id })`. */
type CreatedEvent = Exclude<Parameters<typeof inngest.send>[0], readonly unknown[]>;

/**
 * Sends domain events once the writing transaction has committed (so nobody is notified of a
 * change that rolled back). Give every event an `id` (its idempotency key, e.g.
 * `task-assigned:<activity id>`): Inngest keeps one event per id, so a retried send is one
 * notification. A bus that is down is logged, never shown to the user, whose change stands.
 * Use it as `afterCommit: () => publishAfterCommit([...])` (tenantApiRoute) or call it after
 * runTenantAction returns ok.
 */
export function publishAfterCommit(events: CreatedEvent[]): void {
  if (events.length === 0) return;
  inngest.send(events).catch((error: unknown) => {
    log.error('domain events not published', { names: events.map((e) => e.name), error });
  });
}
