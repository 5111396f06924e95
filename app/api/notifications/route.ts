import { tenantApiRoute } from '@/lib/http/api-route';
import { listNotifications } from '@/lib/notifications/inbox';
import { listNotificationsSchema } from '@/lib/notifications/schemas';

/** GET /api/notifications?unread=true&cursor=&limit= → `{ data: Notification[], nextCursor, unreadCount }` (the caller's own). */
export const GET = tenantApiRoute(listNotificationsSchema, async ({ tx, input }) => {
  const page = await listNotifications(tx, input);
  return { body: { data: page.items, nextCursor: page.nextCursor, unreadCount: page.unreadCount } };
});
