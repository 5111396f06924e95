import type { Tx } from '@/lib/db';
import { guardDb } from '@/lib/db/errors';
import { AppError } from '@/lib/errors';
import { requirePermission } from '@/lib/permissions/queries';
import { parseInput } from '@/lib/validation/parse-input';
import { requestCreatedEvent, type DomainEvent } from './domain-events';
import { getPolicy, knownType, resolveApprovers } from './policies';
import { readRequest, summaryOf, type RequestRow } from './request-row';
import {
  cancelApprovalSchema,
  commentOnApprovalSchema,
  requestApprovalSchema,
  type CancelApprovalInput,
  type CommentOnApprovalInput,
  type RequestApprovalInput,
} from './schemas';

export interface ApprovalChange {
  request: RequestRow;
  /** Publish after commit (publishAfterCommit). */
  events: DomainEvent[];
}

/**
 * Asks for approval (approvals:create). The payload is checked by the type's schema, the type
 * checks the requester (prepare), and the org's policy for the type decides approvers (resolved
 * to member ids now, never the requester), quorum and expiry.
 */
export async function requestApproval(tx: Tx, input: RequestApprovalInput): Promise<ApprovalChange> {
  const { orgId, type, subject, payload } = parseInput(requestApprovalSchema, input);
  const definition = knownType(type);
  const me = await requirePermission(tx, orgId, 'approvals:create');
  const parsedPayload = parseInput(definition.payloadSchema, payload);
  const prepared = await definition.prepare(tx, me, parsedPayload, subject);
  const policy = await getPolicy(tx, orgId, type);
  const approvers = await resolveApprovers(tx, orgId, policy, me.userId, definition, parsedPayload);
  const [row] = await guardDb(tx<{ id: string }[]>`
    insert into public.approval_requests (org_id, type, subject, payload, requested_by, approvers, quorum, expires_at)
    values (${orgId}, ${type}, ${prepared.subject}, ${tx.json(parsedPayload as never)}, ${me.userId}, ${approvers}::uuid[],
            ${policy.quorum}, now() + make_interval(hours => ${policy.expiryHours}))
    returning id`);
  if (!row) throw new AppError('forbidden', 'You do not have permission to do that.');
  const request = await readRequest(tx, orgId, row.id);
  return { request, events: [requestCreatedEvent(summaryOf(request))] };
}

/** Withdraws a pending request: its requester, or a holder of approvals:manage. */
export async function cancelApproval(tx: Tx, input: CancelApprovalInput): Promise<ApprovalChange> {
  const { orgId, requestId, reason } = parseInput(cancelApprovalSchema, input);
  const me = await requirePermission(tx, orgId, 'approvals:read');
  const request = await readRequest(tx, orgId, requestId);
  if (request.requested_by !== me.userId && !me.permissions.includes('approvals:manage')) {
    throw new AppError('forbidden', 'Only the requester or an admin can cancel this request.');
  }
  if (request.status !== 'pending') throw new AppError('conflict', `This request is already ${request.status}.`);
  await guardDb(tx`update public.approval_requests set status = 'cancelled', close_reason = ${reason}
                   where org_id = ${orgId} and id = ${requestId}`);
  return { request: await readRequest(tx, orgId, requestId), events: [] };
}

/** Adds a comment to a request's history (approvals:create). */
export async function commentOnApproval(tx: Tx, input: CommentOnApprovalInput): Promise<{ id: string }> {
  const { orgId, requestId, body } = parseInput(commentOnApprovalSchema, input);
  const me = await requirePermission(tx, orgId, 'approvals:create');
  await readRequest(tx, orgId, requestId);
  const [row] = await guardDb(tx<{ id: string }[]>`
    insert into public.approval_events (org_id, request_id, actor_id, kind, body)
    values (${orgId}, ${requestId}, ${me.userId}, 'comment', ${body}) returning id`);
  if (!row) throw new AppError('forbidden', 'You do not have permission to do that.');
  return row;
}
