import { tenantOrigin } from '@/lib/tenancy/host';
import type { EmailMessage } from './schemas';

export interface ApprovalEmailInput {
  to: string;
  organizationName: string;
  organizationSlug: string;
  rootDomain: string;
  requesterName: string;
  subject: string;
  summary: { label: string; value: string }[];
  token: string;
  expiresAt: Date;
}

/** The decision link on the tenant host: `/approval-link/<token>?decision=approve|reject` (GET only shows a confirmation). */
export function approvalLink(slug: string, token: string, rootDomain: string, decision: 'approve' | 'reject'): string {
  return `${tenantOrigin(slug, rootDomain)}/approval-link/${encodeURIComponent(token)}?decision=${decision}`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The email asking one approver to decide: the request, and approve / reject links bound to them. */
export function approvalEmail(input: ApprovalEmailInput): EmailMessage {
  const approve = approvalLink(input.organizationSlug, input.token, input.rootDomain, 'approve');
  const reject = approvalLink(input.organizationSlug, input.token, input.rootDomain, 'reject');
  const expires = `${input.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const subject = `Approval needed: ${input.subject.replace(/[\r\n]+/g, ' ')}`.slice(0, 300);
  const lead = `${input.requesterName} asks for your approval in ${input.organizationName}.`;
  const lines = input.summary.map((s) => `${s.label}: ${s.value}`);
  const footer = `These links work once, only for you, until ${expires}. Each opens a page where you confirm.`;
  const text = [subject, '', lead, ...lines, '', `Approve: ${approve}`, `Reject: ${reject}`, '', footer, ''].join('\n');
  const html =
    `<h2>${escapeHtml(subject)}</h2><p>${escapeHtml(lead)}</p>` +
    (lines.length ? `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '') +
    `<p><a href="${escapeHtml(approve)}">Approve</a> · <a href="${escapeHtml(reject)}">Reject</a></p>` +
    `<p>${escapeHtml(footer)}</p>`;
  return { to: input.to, subject, text, html, link: approve };
}
