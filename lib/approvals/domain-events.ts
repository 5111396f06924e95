import { approvalRequestCreated, approvalRequestDecided, approvalRequestExpired } from '@/inngest/domain-events';
import type { publishAfterCommit } from '@/lib/events/publish';

/** An event ready for publishAfterCommit (built with a domain event type's `create`). */
export type DomainEvent = Parameters<typeof publishAfterCommit>[0][number];

export interface RequestSummary {
  id: string;
  orgId: string;
  type: string;
  subject: string;
  requestedBy: string | null;
  approvers: string[];
}

const quote = (text: string) => `“${text.length > 150 ? `${text.slice(0, 149)}…` : text}”`;
const path = (id: string) => `/approvals/${id}`;
const now = () => new Date().toISOString();

/** To the approvers: a request waits for them. Id `approval-created:<id>`. */
export function requestCreatedEvent(r: RequestSummary): DomainEvent {
  return approvalRequestCreated.create(
    {
      orgId: r.orgId, actorId: r.requestedBy, recipientIds: r.approvers,
      title: `${quote(r.subject)} needs your approval`, body: '', path: path(r.id), occurredAt: now(),
      requestId: r.id, type: r.type,
    },
    { id: `approval-created:${r.id}` },
  );
}

/** To the requester: a decision was made (status says whether it closed the request). Id per decision. */
export function requestDecidedEvent(
  r: RequestSummary,
  d: { id: string; approverId: string; decision: 'approve' | 'reject'; reason: string },
  status: 'pending' | 'approved' | 'rejected',
): DomainEvent {
  const title =
    status === 'approved' ? `${quote(r.subject)} was approved`
    : status === 'rejected' ? `${quote(r.subject)} was rejected`
    : `${quote(r.subject)} got an approval and waits for more`;
  return approvalRequestDecided.create(
    {
      orgId: r.orgId, actorId: d.approverId, recipientIds: r.requestedBy ? [r.requestedBy] : [],
      title, body: d.reason, path: path(r.id), occurredAt: now(),
      requestId: r.id, type: r.type, status, decision: d.decision,
    },
    { id: `approval-decided:${d.id}` },
  );
}

/** To the requester: nobody decided in time. Id `approval-expired:<id>`. */
export function requestExpiredEvent(r: RequestSummary): DomainEvent {
  return approvalRequestExpired.create(
    {
      orgId: r.orgId, actorId: null, recipientIds: r.requestedBy ? [r.requestedBy] : [],
      title: `${quote(r.subject)} expired without a decision`, body: '', path: path(r.id), occurredAt: now(),
      requestId: r.id, type: r.type,
    },
    { id: `approval-expired:${r.id}` },
  );
}
