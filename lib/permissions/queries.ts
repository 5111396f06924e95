import { takePreloadedMembership, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { idSchema, type Permission, type Role } from './schemas';

export interface Membership {
  orgId: string;
  userId: string;
  role: Role;
  level: number;
  permissions: Permission[];
}

/** The answer for ids the caller may not see: exactly the same as for ids that do not exist. */
export function organizationNotFound(): AppError {
  return new AppError('not_found', 'Organization not found.');
}

/** The signed-in user of this transaction (auth.uid() from the verified claims). */
export async function currentUserId(tx: Tx): Promise<string> {
  const [row] = await tx<{ uid: string | null }[]>`select auth.uid() as uid`;
  if (!row?.uid) throw new AppError('unauthorized', 'Sign in to continue.');
  return row.uid;
}

/** The caller's membership in the organization with its permissions, or null (also for malformed ids). */
export async function getMembership(tx: Tx, orgId: string): Promise<Membership | null> {
  if (!idSchema.safeParse(orgId).success) return null;
  const preloaded = takePreloadedMembership(tx, orgId);
  if (preloaded) return toMembership(await preloaded);
  const rows = await tx<{ org_id: string; user_id: string; role: Role; level: number; permissions: Permission[] }[]>`
    select m.org_id, m.user_id, m.role, r.level,
           coalesce(array_agg(rp.permission order by rp.permission) filter (where rp.permission is not null), '{}') as permissions
    from public.memberships m
    join public.roles r on r.key = m.role
    left join public.role_permissions rp on rp.role = m.role
    where m.org_id = ${orgId} and m.user_id = (select auth.uid())
    group by m.org_id, m.user_id, m.role, r.level`;
  const row = rows[0];
  if (!row) return null;
  return { orgId: row.org_id, userId: row.user_id, role: row.role, level: row.level, permissions: row.permissions };
}

interface MembershipJson {
  org_id: string;
  user_id: string;
  role: Role;
  level: number;
  permissions: Permission[];
}

function toMembership(value: unknown): Membership | null {
  if (!value || typeof value !== 'object') return null;
  const row = value as MembershipJson;
  return { orgId: row.org_id, userId: row.user_id, role: row.role, level: row.level, permissions: row.permissions };
}

/** The caller's membership; not_found when they are not a member (or the org does not exist). */
export async function requireMembership(tx: Tx, orgId: string): Promise<Membership> {
  const membership = await getMembership(tx, orgId);
  if (!membership) throw organizationNotFound();
  return membership;
}

/**
 * The caller's membership when it holds the permission. Non-members get
 * not_found (like a nonexistent org); members without it get forbidden.
 */
export async function requirePermission(tx: Tx, orgId: string, permission: Permission): Promise<Membership> {
  const membership = await requireMembership(tx, orgId);
  if (!membership.permissions.includes(permission)) {
    throw new AppError('forbidden', `Your role (${membership.role}) does not allow ${permission}.`, {
      permission,
      role: membership.role,
    });
  }
  return membership;
}
