import type { Tx } from '@/lib/db';
import { guardDb } from '@/lib/db/errors';
import { AppError } from '@/lib/errors';
import { requirePermission } from '@/lib/permissions/queries';
import { roleLevels, type Role } from '@/lib/permissions/schemas';
import { parseInput } from '@/lib/validation/parse-input';
import { findApprovalType, registeredApprovalTypes, type ApprovalType } from './registry';
import { policySchema, type ApprovalPolicy, type PolicyInput } from './schemas';
import './types';

interface PolicyRow {
  type: string;
  required: boolean;
  approver_role: 'admin' | 'owner' | null;
  approver_ids: string[];
  quorum: number;
  expiry_hours: number;
}

export function knownType(type: string): ApprovalType<unknown> {
  const definition = findApprovalType(type);
  if (!definition) throw new AppError('validation_failed', `Unknown approval type ${type}.`, { field: 'type' });
  return definition;
}

function toPolicy(definition: ApprovalType<unknown>, row: PolicyRow | undefined): ApprovalPolicy {
  if (!row) return { type: definition.type, ...definition.defaultPolicy, saved: false };
  return {
    type: row.type, required: row.required, approverRole: row.approver_role, approverIds: row.approver_ids,
    quorum: row.quorum, expiryHours: row.expiry_hours, saved: true,
  };
}

/** The org's policy for a type (approvals:read), or the type's default when none is saved. */
export async function getPolicy(tx: Tx, orgId: string, type: string): Promise<ApprovalPolicy> {
  const definition = knownType(type);
  await requirePermission(tx, orgId, 'approvals:read');
  const [row] = await tx<PolicyRow[]>`
    select type, required, approver_role, approver_ids, quorum, expiry_hours
    from public.approval_policies where org_id = ${orgId} and type = ${type}`;
  return toPolicy(definition, row);
}

/** Every registered type's policy (approvals:read). */
export async function listPolicies(tx: Tx, orgId: string): Promise<ApprovalPolicy[]> {
  await requirePermission(tx, orgId, 'approvals:read');
  const rows = await tx<PolicyRow[]>`
    select type, required, approver_role, approver_ids, quorum, expiry_hours from public.approval_policies where org_id = ${orgId}`;
  return registeredApprovalTypes().map((d) => toPolicy(d, rows.find((r) => r.type === d.type)));
}

/** Saves a type's policy (approvals:manage). Named approvers must be members who hold approvals:decide. */
export async function setPolicy(tx: Tx, input: PolicyInput): Promise<ApprovalPolicy> {
  const p = parseInput(policySchema, input);
  knownType(p.type);
  const me = await requirePermission(tx, p.orgId, 'approvals:manage');
  if (p.approverIds.length > 0) {
    const eligible = await deciders(tx, p.orgId);
    const strangers = p.approverIds.filter((id) => !eligible.some((d) => d.userId === id));
    if (strangers.length > 0) {
      throw new AppError('validation_failed', 'Named approvers must be members who may decide approvals (admins and owners).', {
        field: 'approverIds', ids: strangers,
      });
    }
  }
  await guardDb(tx`
    insert into public.approval_policies (org_id, type, required, approver_role, approver_ids, quorum, expiry_hours, updated_by)
    values (${p.orgId}, ${p.type}, ${p.required}, ${p.approverRole}, ${p.approverIds}::uuid[], ${p.quorum}, ${p.expiryHours}, ${me.userId})
    on conflict (org_id, type) do update set required = excluded.required, approver_role = excluded.approver_role,
      approver_ids = excluded.approver_ids, quorum = excluded.quorum, expiry_hours = excluded.expiry_hours, updated_by = excluded.updated_by`);
  return { ...p, saved: true };
}

/** Members who hold approvals:decide, with their role. */
export async function deciders(tx: Tx, orgId: string): Promise<{ userId: string; role: Role }[]> {
  const rows = await tx<{ user_id: string; role: Role }[]>`
    select m.user_id, m.role from public.memberships m
    join public.role_permissions rp on rp.role = m.role and rp.permission = 'approvals:decide'
    where m.org_id = ${orgId} order by m.created_at, m.user_id`;
  return rows.map((r) => ({ userId: r.user_id, role: r.role }));
}

/**
 * The approvers a policy names today: members at or above its role, or its named members,
 * who hold approvals:decide, are not the requester, and whom the type lets approve this payload.
 * Fewer than the quorum is a conflict the requester can act on.
 */
export async function resolveApprovers<P>(
  tx: Tx,
  orgId: string,
  policy: ApprovalPolicy,
  requesterId: string,
  definition: ApprovalType<P>,
  payload: P,
): Promise<string[]> {
  const candidates = (await deciders(tx, orgId)).filter((d) =>
    policy.approverRole ? roleLevels[d.role] >= roleLevels[policy.approverRole] : policy.approverIds.includes(d.userId),
  );
  const approvers = candidates
    .filter((d) => d.userId !== requesterId)
    .filter((d) => definition.canApprove?.(payload, d.role) ?? true)
    .map((d) => d.userId);
  if (approvers.length < policy.quorum) {
    throw new AppError(
      'conflict',
      `This needs ${policy.quorum} approver${policy.quorum === 1 ? '' : 's'}, but only ${approvers.length} member${approvers.length === 1 ? '' : 's'} other than you may approve it. An admin can change the approval policy.`,
    );
  }
  return approvers;
}
