import type { Tx } from '@/lib/db';
import { findApprovalType } from './registry';
import './types';

export interface ApprovalEmailData {
  request: { id: string; orgId: string; subject: string; expiresAt: Date; pending: boolean };
  org: { name: string; slug: string };
  requesterName: string;
  summary: { label: string; value: string }[];
  approvers: { id: string; email: string }[];
}

/** What the approval emails need, for the email job (service path). Null when the request is gone. */
export async function approvalEmailData(tx: Tx, requestId: string): Promise<ApprovalEmailData | null> {
  const [r] = await tx<{ id: string; org_id: string; type: string; subject: string; payload: unknown; requested_by: string | null; expires_at: Date; status: string; org_name: string; slug: string }[]>`
    select r.id, r.org_id, r.type, r.subject, r.payload, r.requested_by, r.expires_at, r.status, o.name as org_name, o.slug
    from public.approval_requests r join public.organizations o on o.id = r.org_id where r.id = ${requestId}`;
  if (!r) return null;
  const people = await tx<{ user_id: string; email: string; name: string; is_approver: boolean }[]>`
    select user_id, email, name, is_approver from private.approval_people(${requestId})`;
  const requester = people.find((p) => p.user_id === r.requested_by);
  const definition = findApprovalType(r.type);
  const parsed = definition?.payloadSchema.safeParse(r.payload);
  return {
    request: { id: r.id, orgId: r.org_id, subject: r.subject, expiresAt: r.expires_at, pending: r.status === 'pending' },
    org: { name: r.org_name, slug: r.slug },
    requesterName: requester?.name || requester?.email || 'A member',
    summary: parsed?.success ? definition!.summarize(parsed.data) : [],
    approvers: people.filter((p) => p.is_approver).map((p) => ({ id: p.user_id, email: p.email })),
  };
}
