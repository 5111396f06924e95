import { tenantOrigin } from '@/lib/tenancy/host';
import type { EmailMessage } from './schemas';

export interface InvitationEmailInput {
  to: string;
  organizationName: string;
  organizationSlug: string;
  rootDomain: string;
  inviterEmail: string;
  role: 'admin' | 'member' | 'viewer';
  token: string;
  expiresAt: Date;
}

/** The accept link on the tenant's own host: `http(s)://<slug>.<root>/invite/<token>`. */
export function invitationLink(slug: string, token: string, rootDomain: string): string {
  const origin = tenantOrigin(slug, rootDomain);
  return `${origin}/invite/${encodeURIComponent(token)}`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const article = (role: string) => (role === 'admin' ? 'an' : 'a');

/** The invitation email: subject, plain text and HTML with the accept link. */
export function invitationEmail(input: InvitationEmailInput): EmailMessage {
  const link = invitationLink(input.organizationSlug, input.token, input.rootDomain);
  const expires = input.expiresAt.toISOString().slice(0, 10);
  const subject = `You are invited to join ${input.organizationName} on Tenantforge`;
  const lead = `${input.inviterEmail} invited you to join ${input.organizationName} as ${article(input.role)} ${input.role}.`;
  const text = [
    subject,
    '',
    lead,
    `Accept the invitation: ${link}`,
    '',
    `The link works once and expires on ${expires} (UTC). If you did not expect this email, ignore it.`,
    '',
  ].join('\n');
  const html =
    `<h2>${escapeHtml(subject)}</h2>` +
    `<p>${escapeHtml(lead)}</p>` +
    `<p><a href="${escapeHtml(link)}">Accept the invitation</a></p>` +
    `<p>The link works once and expires on ${expires} (UTC). If you did not expect this email, ignore it.</p>`;
  return { to: input.to, subject, text, html, link };
}
