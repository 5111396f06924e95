import { NonRetriableError } from 'inngest';
import { attemptDelivery, markDeliveryFailed } from '@/lib/notifications/deliver';
import { inngest } from '../client';
import { deliveryConcurrency, deliveryRequested } from '../notification-events';

/** Attempts per delivery: the first plus retries with backoff (the executor's 2^n schedule). */
export const DELIVERY_RETRIES = 5;

/**
 * Sends one delivery. Each attempt records itself on the row (attempts, status, last error,
 * response code); a failed attempt throws so Inngest retries it with backoff; a refused
 * destination (SSRF rules, a disabled channel) is not retried. After the last attempt,
 * onFailure marks the delivery failed. Concurrency is keyed on the org: a tenant's burst
 * only ever holds its own 5 slots, so other tenants' deliveries keep flowing.
 */
export const deliverNotification = inngest.createFunction(
  {
    id: 'deliver-notification',
    name: 'Deliver a notification',
    retries: DELIVERY_RETRIES,
    concurrency: deliveryConcurrency,
    triggers: [deliveryRequested],
    onFailure: async ({ event, error }) => {
      await markDeliveryFailed(event.data.event.data.deliveryId, error.message);
    },
  },
  async ({ event, step }) => {
    const result = await step.run('attempt', async () => {
      const outcome = await attemptDelivery(event.data.deliveryId);
      if (outcome.outcome === 'give_up') throw new NonRetriableError(outcome.error);
      if (outcome.outcome === 'retry') throw new Error(outcome.error);
      return outcome;
    });
    return result;
  },
);
