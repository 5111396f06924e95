import { z } from 'zod';
import { withServiceRole, type RequestContext, type Tx } from '@/lib/db';
import { generateSecretToken, hashSecretToken } from '@/lib/crypto/secret-token';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/permissions/schemas';
import { recordDecision } from './decide';
import type { DomainEvent } from './domain-events';
import { readRequest, type RequestRow } from './request-row';
import type { ApprovalDecision } from './schemas';

/**
 * Emailed decision links: one per approver per request, single use, valid until the request
 * expires. Only the token's sha256 is stored; the token travels only in the email. A link
 * decides for its approver on its request and nothing else, without signing in.
 */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not valid.');

/** Issues (or re-issues, invalidating the previous token) the approver's link (service path). */
export async function issueApprovalLink(
  tx: Tx,
  request: { id: string; orgId: string; expiresAt: Date },
  approverId: string,
): Promise<string> {
  const token = generateSecretToken();
  await tx`
    insert into public.approval_links (org_id, request_id, approver_id, token_hash, expires_at)
    values (${request.orgId}, ${request.id}, ${approverId}, ${hashSecretToken(token)}, ${request.expiresAt})
    on conflict (request_id, approver_id) do update set token_hash = excluded.token_hash, expires_at = excluded.expires_at
    where approval_links.used_at is null`;
  return token;
}

export type LinkState = 'usable' | 'used' | 'expired' | 'closed' | 'not_approver';

export interface LinkView {
  orgId: string;
  approverId: string;
  approverRole: Role | null;
  request: RequestRow;
  state: LinkState;
}

async function readLink(tx: Tx, token: string, lock: boolean): Promise<LinkView | null> {
  if (!linkTokenSchema.safeParse(token).success) return null;
  const [link] = await tx<{ org_id: string; request_id: string; approver_id: string; expires_at: Date; used_at: Date | null; role: Role | null; decides: boolean }[]>`
    select l.org_id, l.request_id, l.approver_id, l.expires_at, l.used_at, m.role,
           exists (select 1 from public.role_permissions rp where rp.role = m.role and rp.permission = 'approvals:decide') as decides
    from public.approval_links l
    left join public.memberships m on m.org_id = l.org_id and m.user_id = l.approver_id
    where l.token_hash = ${hashSecretToken(token)}
    ${lock ? tx`for update of l` : tx``}`;
  if (!link) return null;
  const request = await readRequest(tx, link.org_id, link.request_id);
  const state: LinkState =
    link.used_at ? 'used'
    : !link.role || !link.decides || !request.approvers.includes(link.approver_id) || request.requested_by === link.approver_id ? 'not_approver'
    : request.status !== 'pending' ? 'closed'
    : link.expires_at <= new Date() || request.expires_at <= new Date() ? 'expired'
    : 'usable';
  return { orgId: link.org_id, approverId: link.approver_id, approverRole: link.role, request, state };
}

/** What a link would decide, for its confirmation page (GET: changes nothing). Null: no such link. */
export function previewApprovalLink(token: string): Promise<LinkView | null> {
  return withServiceRole('preview an emailed approval link', (tx) => readLink(tx, token, false));
}

const refusals: Record<Exclude<LinkState, 'usable'>, AppError> = {
  used: new AppError('conflict', 'This link was already used.'),
  expired: new AppError('conflict', 'This link has expired.'),
  closed: new AppError('conflict', 'This request is already closed.'),
  not_approver: new AppError('forbidden', 'You can no longer decide on this request.'),
};

/**
 * Decides with a link: the hash must match a link that is unused, unexpired, for an approver who
 * is still a member holding approvals:decide and still listed, on a pending request. Marks it
 * used and records the decision (and applies an approval) in one transaction, audited as the approver.
 */
export async function decideWithLink(
  token: string,
  decision: ApprovalDecision,
  reason: string,
  context?: RequestContext,
  /** The tenant host the link was opened on: a link works only on its own organization's host. */
  orgId?: string,
): Promise<{ request: RequestRow; events: DomainEvent[] }> {
  const notFound = new AppError('not_found', 'This link is not valid.');
  const preview = await previewApprovalLink(token);
  if (!preview || (orgId !== undefined && preview.orgId !== orgId)) throw notFound;
  return withServiceRole('decide an approval from an emailed link', async (tx) => {
    const view = await readLink(tx, token, true);
    if (!view || view.approverId !== preview.approverId) throw notFound;
    if (view.state !== 'usable' || !view.approverRole) throw refusals[view.state === 'usable' ? 'not_approver' : view.state];
    await tx`update public.approval_links set used_at = now() where token_hash = ${hashSecretToken(token)} and used_at is null`;
    return recordDecision(tx, view.request, { userId: view.approverId, role: view.approverRole }, decision, reason.trim().slice(0, 1000), 'email');
  }, { actorId: preview.approverId, context });
}
