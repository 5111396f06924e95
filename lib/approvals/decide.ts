import type { Tx } from '@/lib/db';
import { guardDb } from '@/lib/db/errors';
import { AppError } from '@/lib/errors';
import { requireMembership } from '@/lib/permissions/queries';
import type { Role } from '@/lib/permissions/schemas';
import { parseInput } from '@/lib/validation/parse-input';
import { requestDecidedEvent } from './domain-events';
import { knownType } from './policies';
import { readRequest, summaryOf, type RequestRow } from './request-row';
import { decideApprovalSchema, type ApprovalDecision, type DecideApprovalInput } from './schemas';
import type { ApprovalChange } from './service';

/** Why this approver may not decide this request now, or null (the database checks the same). */
export function decisionRefusal(request: RequestRow, approverId: string, now = new Date()): AppError | null {
  if (request.requested_by === approverId) return new AppError('forbidden', 'You cannot decide on your own request.');
  if (!request.approvers.includes(approverId)) return new AppError('forbidden', 'You are not an approver of this request.');
  if (request.status !== 'pending') return new AppError('conflict', `This request is already ${request.status}.`);
  if (request.expires_at <= now) return new AppError('conflict', 'This request has expired.');
  return null;
}

/**
 * Records one decision and, when it approves the request (the quorum is reached; the
 * database's trigger closes it), applies the type's action in the same transaction: if
 * applying fails, the decision is not recorded either. Shared by the app and emailed links.
 */
export async function recordDecision(
  tx: Tx,
  request: RequestRow,
  decider: { userId: string; role: Role },
  decision: ApprovalDecision,
  reason: string,
  via: 'app' | 'email',
): Promise<ApprovalChange> {
  const refusal = decisionRefusal(request, decider.userId);
  if (refusal) throw refusal;
  const [already] = await tx`select 1 from public.approval_decisions where request_id = ${request.id} and approver_id = ${decider.userId}`;
  if (already) throw new AppError('conflict', 'You have already decided on this request.');
  const [row] = await guardDb(tx<{ id: string }[]>`
    insert into public.approval_decisions (org_id, request_id, approver_id, decision, reason ${via === 'email' ? tx`, via` : tx``})
    values (${request.org_id}, ${request.id}, ${decider.userId}, ${decision}, ${reason} ${via === 'email' ? tx`, 'email'` : tx``})
    returning id`);
  if (!row) throw new AppError('forbidden', 'You do not have permission to do that.');
  const after = await readRequest(tx, request.org_id, request.id);
  const events = [];
  if (after.status === 'approved') {
    const definition = knownType(after.type);
    const payload = parseInput(definition.payloadSchema, after.payload);
    events.push(...(await definition.apply(tx, { id: after.id, orgId: after.org_id, subject: after.subject, requestedBy: after.requested_by, payload }, decider)));
  }
  const status = after.status === 'approved' || after.status === 'rejected' ? after.status : 'pending';
  events.unshift(requestDecidedEvent(summaryOf(after), { id: row.id, approverId: decider.userId, decision, reason }, status));
  return { request: after, events };
}

/** Approves or rejects a request as the signed-in approver (a listed approver with approvals:decide). */
export async function decideApproval(tx: Tx, input: DecideApprovalInput): Promise<ApprovalChange> {
  const { orgId, requestId, decision, reason } = parseInput(decideApprovalSchema, input);
  const me = await requireMembership(tx, orgId);
  const request = await readRequest(tx, orgId, requestId);
  return recordDecision(tx, request, { userId: me.userId, role: me.role }, decision, reason, 'app');
}
