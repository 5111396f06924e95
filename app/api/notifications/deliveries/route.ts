import { tenantApiRoute } from '@/lib/http/api-route';
import { listDeliveries } from '@/lib/notifications/delivery-log';
import { listDeliveriesSchema } from '@/lib/notifications/schemas';

/** GET /api/notifications/deliveries?status=&channelId=&event=&cursor=&limit= → `{ data: Delivery[], nextCursor }` (notifications:manage). */
export const GET = tenantApiRoute(listDeliveriesSchema, async ({ tx, input }) => {
  const page = await listDeliveries(tx, input);
  return { body: { data: page.items, nextCursor: page.nextCursor } };
});
