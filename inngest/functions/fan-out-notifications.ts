import { withServiceRole } from '@/lib/db';
import { fanOutEvent } from '@/lib/notifications/fan-out';
import { inngest } from '../client';
import { domainEvents, notifiableEventSchema } from '../domain-events';
import { deliveryRequested } from '../notification-events';

/**
 * Every notifiable domain event → in-app notifications and delivery rows (one step, idempotent
 * by the tables' unique keys), then one `notifications/delivery.requested` per pending
 * delivery, each with the id `delivery:<id>` so a repeated fan-out queues nothing twice.
 */
export const fanOutNotifications = inngest.createFunction(
  { id: 'fan-out-notifications', name: 'Fan out notifications', retries: 4, triggers: [...domainEvents] },
  async ({ event, step }) => {
    const data = notifiableEventSchema.parse(event.data);
    const eventId = event.id ?? `${event.name}:${event.ts ?? ''}:${data.occurredAt}`;
    const result = await step.run('write-notifications', () =>
      withServiceRole('fan out a domain event to notifications (job)', (tx) => fanOutEvent(tx, { eventId, eventName: event.name, data })),
    );
    if (result.deliveryIds.length > 0) {
      await step.sendEvent(
        'queue-deliveries',
        result.deliveryIds.map((deliveryId) => deliveryRequested.create({ orgId: data.orgId, deliveryId }, { id: `delivery:${deliveryId}` })),
      );
    }
    return result;
  },
);
