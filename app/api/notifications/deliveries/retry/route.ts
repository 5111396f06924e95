import { tenantApiRoute } from '@/lib/http/api-route';
import { queueDeliveryRetry } from '@/lib/notifications/queue';
import { requestDeliveryRetry, retryDeliverySchema } from '@/lib/notifications/delivery-log';

/** POST /api/notifications/deliveries/retry `{ id }` → 202: the delivery is `retrying` and a job is queued after commit. */
export const POST = tenantApiRoute(retryDeliverySchema, async ({ tx, input }) => {
  const retry = await requestDeliveryRetry(tx, input);
  return { status: 202, body: { data: { id: retry.id, status: 'retrying' } }, afterCommit: () => queueDeliveryRetry(retry) };
});
