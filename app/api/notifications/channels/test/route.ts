import { tenantApiRoute } from '@/lib/http/api-route';
import { channelRefSchema } from '@/lib/notifications/schemas';
import { sendTestMessage } from '@/lib/notifications/test-message';

/** POST /api/notifications/channels/test `{ id }` → `{ data: { ok, responseCode, error } }`: one message now (notifications:manage). */
export const POST = tenantApiRoute(channelRefSchema, async ({ tx, input, tenant }) => ({
  body: { data: await sendTestMessage(tx, { ...input, orgSlug: tenant.slug }) },
}));
