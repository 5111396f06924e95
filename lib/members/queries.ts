import type { Tx } from '@/lib/db';
import { parseInput } from '@/lib/validation/parse-input';
import { requirePermission } from '@/lib/permissions/queries';
import type { Role } from '@/lib/permissions/schemas';
import { toPage, type Page } from '@/lib/pagination/cursor';
import { listMembersSchema, type ListMembersInput } from './schemas';

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: Date;
  lastSignInAt: Date | null;
}

interface MemberRow {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  joined_at: Date;
  last_sign_in_at: Date | null;
  sort_at: string;
}

/** `%`, `_` and `\` match themselves in a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Members by join date (oldest first, or newest first with `order: 'desc'`) with
 * email, name and last sign-in, for holders of members:read; `search` matches
 * name or email, case-insensitively.
 */
export async function listMembers(tx: Tx, input: ListMembersInput): Promise<Page<Member>> {
  const { orgId, search, order, cursor, limit } = parseInput(listMembersSchema, input);
  await requirePermission(tx, orgId, 'members:read');
  const pattern = search ? `%${escapeLike(search)}%` : null;
  const rows = await tx<MemberRow[]>`
    select user_id, email, name, role, joined_at, last_sign_in_at, to_json(joined_at) #>> '{}' as sort_at
    from private.member_directory
    where org_id = ${orgId}
      ${pattern ? tx`and (email ilike ${pattern} or name ilike ${pattern})` : tx``}
      ${cursor && order === 'asc' ? tx`and (joined_at, user_id) > (${cursor.t}::text::timestamptz, ${cursor.k}::uuid)` : tx``}
      ${cursor && order === 'desc' ? tx`and (joined_at, user_id) < (${cursor.t}::text::timestamptz, ${cursor.k}::uuid)` : tx``}
    order by ${order === 'desc' ? tx`joined_at desc, user_id desc` : tx`joined_at, user_id`}
    limit ${limit + 1}`;
  return toPage(rows, limit, (r) => r.user_id, (r) => ({
    userId: r.user_id,
    email: r.email,
    name: r.name,
    role: r.role,
    joinedAt: r.joined_at,
    lastSignInAt: r.last_sign_in_at,
  }));
}

/** One member of the organization (visible to holders of members:read), or null. */
export async function findMember(tx: Tx, orgId: string, userId: string): Promise<{ userId: string; role: Role; email: string } | null> {
  const [row] = await tx<{ user_id: string; role: Role; email: string }[]>`
    select user_id, role, email from private.member_directory where org_id = ${orgId} and user_id = ${userId}`;
  return row ? { userId: row.user_id, role: row.role, email: row.email } : null;
}

/** How many owners the organization has (members:read): settings disables "Leave" for the only one. */
export async function countOwners(tx: Tx, orgId: string): Promise<number> {
  await requirePermission(tx, orgId, 'members:read');
  const [row] = await tx<{ n: number }[]>`
    select count(*)::int as n from private.member_directory where org_id = ${orgId} and role = 'owner'`;
  return row?.n ?? 0;
}
