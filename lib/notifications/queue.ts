import { deliveryRequested } from '@/inngest/notification-events';
import { publishAfterCommit } from '@/lib/events/publish';

/** Queues one more delivery job ("Retry now"), with a fresh event id so it is not deduplicated. */
export function queueDeliveryRetry(retry: { id: string; orgId: string }): void {
  publishAfterCommit([deliveryRequested.create({ orgId: retry.orgId, deliveryId: retry.id }, { id: `delivery:${retry.id}:retry:${Date.now()}` })]);
}
