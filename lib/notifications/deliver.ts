import 'server-only';
import { appSecretBox } from '@/lib/crypto/app-secret-box';
import { withServiceRole } from '@/lib/db';
import { sendEmail } from '@/lib/email';
import { env } from '@/lib/env';
import { OutboundRefusedError } from '@/lib/outbound/safe-fetch';
import { channelSecretContext } from './channels';
import type { DeliveryMessage } from './fan-out';
import { notificationEmail, slackPayload, webhookPayload } from './messages';
import { outboundFetch } from './outbound-config';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';

/**
 * One attempt at one delivery: read it and its channel (service role), send outside any
 * transaction, then record the attempt (attempts + 1, status, last error, response code).
 * `sent` and failed-for-good deliveries are left alone, so a repeated job is harmless.
 * The caller (inngest/functions/deliver-notification.ts) retries `retry` outcomes.
 */
export type AttemptOutcome =
  | { outcome: 'sent'; responseCode: number | null }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'retry' | 'give_up'; error: string; responseCode: number | null };

export interface Loaded {
  org_id: string;
  event_id: string;
  recipient_id: string;
  status: string;
  message: DeliveryMessage;
  kind: 'email' | 'slack' | 'webhook';
  channel_id: string;
  enabled: boolean;
  config: { url?: string };
  secret_ciphertext: string | null;
  secret_key_id: string | null;
  email: string | null;
}

const why = 'deliver a notification (job)';

/** Sends one message through one channel (email to the recipient; Slack; signed webhook). */
export async function sendToChannel(d: Loaded, deliveryId: string): Promise<{ ok: boolean; code: number | null; error?: string }> {
  const rootDomain = env().NEXT_PUBLIC_ROOT_DOMAIN;
  if (d.kind === 'email') {
    if (!d.email) return { ok: false, code: null, error: 'the recipient has no email address' };
    await sendEmail(notificationEmail(d.message, d.email, rootDomain));
    return { ok: true, code: null };
  }
  const secret = d.secret_ciphertext && d.secret_key_id
    ? appSecretBox().open({ keyId: d.secret_key_id, ciphertext: d.secret_ciphertext }, channelSecretContext(d.org_id, d.channel_id))
    : null;
  if (!secret) throw new OutboundRefusedError('the channel has no secret');
  const fetchSafely = outboundFetch();
  const response =
    d.kind === 'slack'
      ? await fetchSafely({ url: secret, headers: { 'content-type': 'application/json' }, body: slackPayload(d.message, rootDomain) })
      : await (async () => {
          const body = webhookPayload(d.message, { deliveryId, eventId: d.event_id, orgId: d.org_id, recipientId: d.recipient_id }, rootDomain);
          return fetchSafely({
            url: d.config.url ?? '',
            headers: {
              'content-type': 'application/json',
              [SIGNATURE_HEADER]: signWebhook(secret, body),
              'Tenantforge-Event': d.message.eventName,
              'Tenantforge-Delivery': deliveryId,
            },
            body,
          });
        })();
  if (response.ok) return { ok: true, code: response.status };
  const redirect = response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : '';
  return { ok: false, code: response.status, error: `HTTP ${response.status}${redirect}: ${response.body.slice(0, 200)}` };
}

export async function attemptDelivery(deliveryId: string): Promise<AttemptOutcome> {
  const [d] = await withServiceRole(why, (tx) => tx<Loaded[]>`
    select d.org_id, d.event_id, d.recipient_id, d.status, d.message, c.kind, c.id as channel_id, c.enabled, c.config,
           c.secret_ciphertext, c.secret_key_id, r.email
    from public.notification_deliveries d
    join public.notification_channels c on c.id = d.channel_id
    left join private.notification_recipients(d.org_id, array[d.recipient_id]) r on true
    where d.id = ${deliveryId}`);
  if (!d) return { outcome: 'skipped', reason: 'delivery no longer exists' };
  if (d.status === 'sent') return { outcome: 'skipped', reason: 'already sent' };

  let result: AttemptOutcome;
  if (!d.enabled) result = { outcome: 'give_up', error: 'the channel is disabled', responseCode: null };
  else {
    try {
      const sent = await sendToChannel(d, deliveryId);
      result = sent.ok ? { outcome: 'sent', responseCode: sent.code } : { outcome: 'retry', error: sent.error ?? 'failed', responseCode: sent.code };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result = error instanceof OutboundRefusedError || error instanceof Error && error.name === 'SecretBoxError'
        ? { outcome: 'give_up', error: `refused: ${message}`, responseCode: null }
        : { outcome: 'retry', error: message, responseCode: null };
    }
  }
  const status = result.outcome === 'sent' ? 'sent' : result.outcome === 'give_up' ? 'failed' : 'retrying';
  const error = result.outcome === 'sent' ? null : (result as { error: string }).error.slice(0, 1000);
  await withServiceRole(why, (tx) => tx`
    update public.notification_deliveries set
      status = ${status}, attempts = attempts + 1, last_error = ${error},
      response_code = ${'responseCode' in result ? result.responseCode : null},
      last_attempt_at = now(), sent_at = ${status === 'sent' ? tx`now()` : tx`sent_at`}, updated_at = now()
    where id = ${deliveryId}`);
  return result;
}

/** After the last retry: the delivery failed for good (keeps its last error and code). */
export async function markDeliveryFailed(deliveryId: string, error: string): Promise<void> {
  await withServiceRole(why, (tx) => tx`
    update public.notification_deliveries set status = 'failed', last_error = coalesce(last_error, ${error.slice(0, 1000)}), updated_at = now()
    where id = ${deliveryId} and status <> 'sent'`);
}
