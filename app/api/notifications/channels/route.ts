import { z } from 'zod';
import { tenantApiRoute } from '@/lib/http/api-route';
import { createChannel, deleteChannel, listChannels, updateChannel } from '@/lib/notifications/channels';
import { channelRefSchema, createChannelSchema, updateChannelSchema } from '@/lib/notifications/schemas';
import { idSchema } from '@/lib/permissions/schemas';

/**
 * The organization's notification channels (notifications:manage). Secrets (a Slack URL, a
 * webhook signing secret) are write-only: answers carry `secretSet`, never the value.
 */
export const GET = tenantApiRoute(z.object({ orgId: idSchema }), async ({ tx, input }) => ({ body: { data: await listChannels(tx, input) } }));

/** POST `{ kind: 'email', name }` | `{ kind: 'slack', name, webhookUrl }` | `{ kind: 'webhook', name, url, secret }` → 201. */
export const POST = tenantApiRoute(createChannelSchema, async ({ tx, input }) => ({ status: 201, body: { data: await createChannel(tx, input) } }));

/** PATCH `{ id, name?, enabled?, webhookUrl?, url?, secret? }` → the channel. */
export const PATCH = tenantApiRoute(updateChannelSchema, async ({ tx, input }) => ({ body: { data: await updateChannel(tx, input) } }));

/** DELETE `{ id }` → 204 (its deliveries go with it). */
export const DELETE = tenantApiRoute(channelRefSchema, async ({ tx, input }) => {
  await deleteChannel(tx, input);
  return { status: 204 };
});
