import type { EmailMessage } from '@/lib/email';
import { tenantOrigin } from '@/lib/tenancy/host';
import type { DeliveryMessage } from './fan-out';

/** What each channel sends for one delivery (plain text; the link leads into the tenant). */
export const linkOf = (m: DeliveryMessage, rootDomain: string) => `${tenantOrigin(m.orgSlug, rootDomain)}${m.path}`;

export function slackPayload(m: DeliveryMessage, rootDomain: string): string {
  const body = m.body ? `\n${m.body.slice(0, 1000)}` : '';
  return JSON.stringify({ text: `*${m.title}*${body}\n<${linkOf(m, rootDomain)}|Open in Tenantforge>` });
}

export function webhookPayload(m: DeliveryMessage, ids: { deliveryId: string; eventId: string; orgId: string; recipientId: string }, rootDomain: string): string {
  return JSON.stringify({
    id: ids.deliveryId,
    type: m.eventName,
    eventId: ids.eventId,
    orgId: ids.orgId,
    recipientId: ids.recipientId,
    occurredAt: m.occurredAt,
    title: m.title,
    body: m.body,
    url: linkOf(m, rootDomain),
  });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function notificationEmail(m: DeliveryMessage, to: string, rootDomain: string): EmailMessage {
  const link = linkOf(m, rootDomain);
  const subject = m.title.replace(/[\r\n]+/g, ' ');
  return {
    to,
    subject,
    text: `${m.title}\n\n${m.body ? `${m.body}\n\n` : ''}Open: ${link}\n\nChange which notifications you get in Tenantforge: ${tenantOrigin(m.orgSlug, rootDomain)}/notifications/preferences`,
    html: `<p><strong>${escapeHtml(m.title)}</strong></p>${m.body ? `<p>${escapeHtml(m.body)}</p>` : ''}<p><a href="${escapeHtml(link)}">Open in Tenantforge</a></p>`,
    link,
  };
}
