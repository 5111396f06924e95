import { z } from 'zod';
import { tenantApiRoute } from '@/lib/http/api-route';
import { getPreferences, savePreferences } from '@/lib/notifications/preferences';
import { preferencesSchema } from '@/lib/notifications/schemas';
import { idSchema } from '@/lib/permissions/schemas';

/** GET /api/notifications/preferences → `{ data: { event, channel, enabled }[] }` (every pair; absent = on). */
export const GET = tenantApiRoute(z.object({ orgId: idSchema }), async ({ tx, input }) => ({ body: { data: await getPreferences(tx, input) } }));

/** PUT /api/notifications/preferences `{ preferences: [{ event, channel, enabled }] }` → the full set. */
export const PUT = tenantApiRoute(preferencesSchema, async ({ tx, input }) => ({ body: { data: await savePreferences(tx, input) } }));
