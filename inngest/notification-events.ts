import { eventType } from 'inngest';
import { z } from 'zod';

/**
 * One delivery to send (a row of notification_deliveries). The fan-out sends it with the
 * id `delivery:<delivery id>` (one run per delivery); "Retry now" sends it again with a
 * fresh id. orgId is the concurrency key: one tenant's burst waits for its own slots only.
 */
export const deliveryRequested = eventType('notifications/delivery.requested', {
  schema: z.object({ orgId: z.uuid(), deliveryId: z.uuid() }),
});

/**
 * The delivery function's concurrency: at most 5 deliveries in flight per organization, so a
 * burst from one tenant waits on its own slots while other tenants' deliveries keep flowing
 * (bench/notifications-fairness.ts measures it).
 */
export const deliveryConcurrency: [{ key: string; limit: number }] = [{ key: 'event.data.orgId', limit: 5 }];
