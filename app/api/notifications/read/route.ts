import { tenantApiRoute } from '@/lib/http/api-route';
import { markNotificationsRead } from '@/lib/notifications/inbox';
import { markReadSchema } from '@/lib/notifications/schemas';

/** POST /api/notifications/read `{ ids: [...] }` or `{ all: true }` → `{ data: { updated, unreadCount } }`. */
export const POST = tenantApiRoute(markReadSchema, async ({ tx, input }) => ({ body: { data: await markNotificationsRead(tx, input) } }));
