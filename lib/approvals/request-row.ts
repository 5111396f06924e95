import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { idSchema } from '@/lib/permissions/schemas';
import type { ApprovalStatus } from './schemas';

export interface RequestRow {
  id: string;
  org_id: string;
  type: string;
  subject: string;
  payload: Record<string, unknown>;
  requested_by: string | null;
  approvers: string[];
  quorum: number;
  expires_at: Date;
  status: ApprovalStatus;
  closed_at: Date | null;
  close_reason: string;
  created_at: Date;
}

export const requestNotFound = () => new AppError('not_found', 'Approval request not found.');

/** One request of the org as the transaction's role may see it (RLS). */
export async function readRequest(tx: Tx, orgId: string, requestId: string): Promise<RequestRow> {
  if (!idSchema.safeParse(requestId).success) throw requestNotFound();
  const [row] = await tx<RequestRow[]>`
    select id, org_id, type, subject, payload, requested_by, approvers, quorum, expires_at, status, closed_at, close_reason, created_at
    from public.approval_requests where org_id = ${orgId} and id = ${requestId}`;
  if (!row) throw requestNotFound();
  return row;
}

export const summaryOf = (r: RequestRow) => ({
  id: r.id, orgId: r.org_id, type: r.type, subject: r.subject, requestedBy: r.requested_by, approvers: r.approvers,
});
