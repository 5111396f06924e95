import type { RequestRow } from './request-row';

/** A request as the API returns it (camelCase, ISO dates). */
export function toApprovalJson(r: RequestRow) {
  return {
    id: r.id, type: r.type, subject: r.subject, payload: r.payload, status: r.status, requestedBy: r.requested_by,
    approvers: r.approvers, quorum: r.quorum, expiresAt: r.expires_at.toISOString(), closedAt: r.closed_at?.toISOString() ?? null,
    closeReason: r.close_reason, createdAt: r.created_at.toISOString(),
  };
}
