import 'server-only';
import crypto from 'node:crypto';
import { withServiceRole, type Tx } from '@/lib/db';
import { currentUserId } from '@/lib/permissions/queries';
import { getChannel } from './channels';
import { sendToChannel, type Loaded } from './deliver';

/**
 * "Send test": one message through a channel now, to the admin who asked (email) or to the
 * channel's URL, through the same SSRF-safe, signed path as real deliveries. Not recorded
 * as a delivery. The answer says what happened; the secret stays in the database.
 */
export async function sendTestMessage(tx: Tx, input: { orgId: string; id: string; orgSlug: string }) {
  const channel = await getChannel(tx, input);
  const me = await currentUserId(tx);
  const [secret] = await withServiceRole('send a test notification (admin action, permission checked)', (s) => s<
    { secret_ciphertext: string | null; secret_key_id: string | null; config: { url?: string }; email: string | null }[]
  >`
    select c.secret_ciphertext, c.secret_key_id, c.config, r.email
    from public.notification_channels c
    left join private.notification_recipients(c.org_id, array[${me}::uuid]) r on true
    where c.id = ${channel.id} and c.org_id = ${input.orgId}`);
  const loaded: Loaded = {
    org_id: input.orgId,
    event_id: `test:${crypto.randomUUID()}`,
    recipient_id: me,
    status: 'pending',
    message: {
      eventName: 'notifications/test.sent',
      title: `Test notification from Tenantforge (${channel.name})`,
      body: 'If you can read this, the channel works.',
      path: '/notifications',
      orgSlug: input.orgSlug,
      occurredAt: new Date().toISOString(),
    },
    kind: channel.kind,
    channel_id: channel.id,
    enabled: channel.enabled,
    config: secret?.config ?? {},
    secret_ciphertext: secret?.secret_ciphertext ?? null,
    secret_key_id: secret?.secret_key_id ?? null,
    email: secret?.email ?? null,
  };
  try {
    const result = await sendToChannel(loaded, crypto.randomUUID());
    return { ok: result.ok, responseCode: result.code, error: result.error ?? null };
  } catch (error) {
    return { ok: false, responseCode: null, error: error instanceof Error ? error.message : String(error) };
  }
}
