import type { Tx } from '@/lib/db';
import { toPage, type Page } from '@/lib/pagination/cursor';
import { getMembership as getMembershipOrNull, requirePermission } from '@/lib/permissions/queries';
import { parseInput } from '@/lib/validation/parse-input';
import { findApprovalType } from './registry';
import { readRequest } from './request-row';
import { listApprovalsSchema, type ApprovalStatus, type ListApprovalsInput } from './schemas';
import './types';

export interface ApprovalListItem {
  id: string;
  type: string;
  subject: string;
  status: ApprovalStatus;
  requestedBy: string | null;
  approvers: string[];
  quorum: number;
  approvals: number;
  expiresAt: Date;
  createdAt: Date;
  /** The caller is a listed approver who has not decided yet and may still decide. */
  waitingForMe: boolean;
}

export interface ApprovalCounts {
  waiting: number;
  mine: number;
  all: number;
}

interface ListRow {
  id: string; type: string; subject: string; status: ApprovalStatus; requested_by: string | null; approvers: string[];
  quorum: number; approvals: number; decided_by_me: boolean; expires_at: Date; created_at: Date; sort_at: string;
}

/** Requests of the org, newest first (approvals:read), by filter, with counts per tab. */
export async function listApprovals(tx: Tx, input: ListApprovalsInput): Promise<Page<ApprovalListItem> & { counts: ApprovalCounts }> {
  const { orgId, filter, status, cursor, limit } = parseInput(listApprovalsSchema, input);
  const me = await requirePermission(tx, orgId, 'approvals:read');
  const waiting = tx`r.status = 'pending' and r.expires_at > now() and ${me.userId}::uuid = any (r.approvers)
    and not exists (select 1 from public.approval_decisions d where d.request_id = r.id and d.approver_id = ${me.userId})`;
  const rows = await tx<ListRow[]>`
    select r.id, r.type, r.subject, r.status, r.requested_by, r.approvers, r.quorum, r.expires_at, r.created_at,
           (select count(*)::int from public.approval_decisions d where d.request_id = r.id and d.decision = 'approve') as approvals,
           exists (select 1 from public.approval_decisions d where d.request_id = r.id and d.approver_id = ${me.userId}) as decided_by_me,
           to_json(r.created_at) #>> '{}' as sort_at
    from public.approval_requests r
    where r.org_id = ${orgId}
      ${filter === 'waiting' ? tx`and ${waiting}` : tx``}
      ${filter === 'mine' ? tx`and r.requested_by = ${me.userId}` : tx``}
      ${status ? tx`and r.status = ${status}` : tx``}
      ${cursor ? tx`and (r.created_at, r.id) < (${cursor.t}::text::timestamptz, ${cursor.k}::uuid)` : tx``}
    order by r.created_at desc, r.id desc
    limit ${limit + 1}`;
  const [counts] = await tx<ApprovalCounts[]>`
    select count(*) filter (where ${waiting})::int as waiting,
           count(*) filter (where r.requested_by = ${me.userId})::int as mine,
           count(*)::int as all
    from public.approval_requests r where r.org_id = ${orgId}`;
  const page = toPage(rows, limit, (r) => r.id, (r) => ({
    id: r.id, type: r.type, subject: r.subject, status: r.status, requestedBy: r.requested_by, approvers: r.approvers,
    quorum: r.quorum, approvals: r.approvals, expiresAt: r.expires_at, createdAt: r.created_at,
    waitingForMe: r.status === 'pending' && r.expires_at > new Date() && r.approvers.includes(me.userId) && !r.decided_by_me,
  }));
  return { ...page, counts: counts ?? { waiting: 0, mine: 0, all: 0 } };
}

export interface Person { id: string; name: string; email: string }

export interface ApprovalDetail extends ApprovalListItem {
  typeLabel: string;
  summary: { label: string; value: string }[];
  closeReason: string;
  closedAt: Date | null;
  decisions: { approverId: string; decision: 'approve' | 'reject'; reason: string; via: 'app' | 'email'; createdAt: Date }[];
  history: { id: string; actorId: string | null; kind: string; body: string; createdAt: Date }[];
  people: Record<string, Person>;
  canCancel: boolean;
  canComment: boolean;
}

/** One request with its decisions, history and the people they name (approvals:read); not_found otherwise. */
export async function getApproval(tx: Tx, orgId: string, requestId: string): Promise<ApprovalDetail> {
  const me = await requirePermission(tx, orgId, 'approvals:read');
  const r = await readRequest(tx, orgId, requestId);
  const decisions = await tx<{ approver_id: string; decision: 'approve' | 'reject'; reason: string; via: 'app' | 'email'; created_at: Date }[]>`
    select approver_id, decision, reason, via, created_at from public.approval_decisions
    where org_id = ${orgId} and request_id = ${requestId} order by created_at, id`;
  const history = await tx<{ id: string; actor_id: string | null; kind: string; body: string; created_at: Date }[]>`
    select id, actor_id, kind, body, created_at from public.approval_events
    where org_id = ${orgId} and request_id = ${requestId} order by created_at, id`;
  const ids = [...new Set([r.requested_by, ...r.approvers, ...history.map((h) => h.actor_id)].filter((id): id is string => Boolean(id)))];
  const people = await tx<{ user_id: string; name: string; email: string }[]>`
    select user_id, name, email from private.member_directory where org_id = ${orgId} and user_id = any (${ids}::uuid[])`;
  const definition = findApprovalType(r.type);
  const parsed = definition?.payloadSchema.safeParse(r.payload);
  const decidedByMe = decisions.some((d) => d.approver_id === me.userId);
  return {
    id: r.id, type: r.type, subject: r.subject, status: r.status, requestedBy: r.requested_by, approvers: r.approvers,
    quorum: r.quorum, approvals: decisions.filter((d) => d.decision === 'approve').length,
    expiresAt: r.expires_at, createdAt: r.created_at, closeReason: r.close_reason, closedAt: r.closed_at,
    waitingForMe: r.status === 'pending' && r.expires_at > new Date() && r.approvers.includes(me.userId) && !decidedByMe,
    typeLabel: definition?.label ?? r.type,
    summary: parsed?.success ? definition!.summarize(parsed.data) : [],
    decisions: decisions.map((d) => ({ approverId: d.approver_id, decision: d.decision, reason: d.reason, via: d.via, createdAt: d.created_at })),
    history: history.map((h) => ({ id: h.id, actorId: h.actor_id, kind: h.kind, body: h.body, createdAt: h.created_at })),
    people: Object.fromEntries(people.map((p) => [p.user_id, { id: p.user_id, name: p.name, email: p.email }])),
    canCancel: r.status === 'pending' && (r.requested_by === me.userId || me.permissions.includes('approvals:manage')),
    canComment: me.permissions.includes('approvals:create'),
  };
}

/** Role changes waiting for approval (approvals:read), for the members page's notice. */
export async function listPendingRoleChanges(tx: Tx, orgId: string): Promise<{ id: string; subject: string }[]> {
  const me = await getMembershipOrNull(tx, orgId);
  if (!me?.permissions.includes('approvals:read')) return [];
  return tx<{ id: string; subject: string }[]>`
    select id, subject from public.approval_requests
    where org_id = ${orgId} and type = 'user_role_change' and status = 'pending' and expires_at > now()
    order by created_at desc limit 20`;
}
