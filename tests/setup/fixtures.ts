import crypto from 'node:crypto';
import type postgres from 'postgres';
import type { RlsClaims } from '@/lib/db';
import type { RequestContext } from '@/lib/db';
import type { Role } from '@/lib/permissions/schemas';

/**
 * Test data through the superuser connection (tests/setup/admin-sql.ts). Every
 * test creates its own users and organizations with unique emails and slugs, so
 * files can run in parallel against the one database.
 */
type AdminSql = postgres.Sql;

export interface TestUser {
  id: string;
  email: string;
  name: string;
  claims: RlsClaims;
}

export interface TestOrg {
  id: string;
  name: string;
  slug: string;
}

/** Claims as the auth server puts them in a verified access token. */
export function claimsFor(user: { id: string; email: string }): RlsClaims {
  return { role: 'authenticated', sub: user.id, email: user.email, aud: 'authenticated' };
}

export function uniqueSlug(prefix = 't'): string {
  return `${prefix}-${crypto.randomBytes(5).toString('hex')}`;
}

export function testContext(overrides: Partial<RequestContext> = {}): RequestContext {
  return { requestId: `req-${crypto.randomUUID()}`, ip: '203.0.113.7', userAgent: 'vitest', ...overrides };
}

export async function createUser(admin: AdminSql, opts: { email?: string; name?: string } = {}): Promise<TestUser> {
  const id = crypto.randomUUID();
  const email = opts.email ?? `user-${id.slice(0, 8)}@example.test`;
  const name = opts.name ?? `User ${id.slice(0, 8)}`;
  await admin`
    insert into auth.users (id, aud, role, email, email_confirmed_at, raw_user_meta_data, raw_app_meta_data,
                            created_at, updated_at, last_sign_in_at)
    values (${id}, 'authenticated', 'authenticated', ${email}, now(), ${admin.json({ full_name: name })},
            ${admin.json({ provider: 'email', providers: ['email'] })}, now(), now(), now())`;
  return { id, email, name, claims: claimsFor({ id, email }) };
}

/**
 * An organization with `owner` as its owner. Fixtures are setup, not actions:
 * they write with triggers off (session_replication_role = replica), so the
 * audit log holds only what the test itself does.
 */
export async function createOrg(admin: AdminSql, owner: TestUser, opts: { name?: string; slug?: string } = {}): Promise<TestOrg> {
  const slug = opts.slug ?? uniqueSlug('org');
  const name = opts.name ?? `Org ${slug}`;
  const id = await admin.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    const [row] = await tx<{ id: string }[]>`
      insert into public.organizations (name, slug) values (${name}, ${slug}) returning id`;
    if (!row) throw new Error('organization insert returned no row');
    await tx`insert into public.memberships (org_id, user_id, role) values (${row.id}, ${owner.id}, 'owner')`;
    return row.id;
  });
  return { id, name, slug };
}

/** Adds a member as setup (no audit entry; see createOrg). */
export async function addMember(admin: AdminSql, orgId: string, user: TestUser, role: Role): Promise<void> {
  await admin.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    await tx`insert into public.memberships (org_id, user_id, role) values (${orgId}, ${user.id}, ${role})`;
  });
}

export async function roleOf(admin: AdminSql, orgId: string, userId: string): Promise<Role | null> {
  const [row] = await admin<{ role: Role }[]>`select role from public.memberships where org_id = ${orgId} and user_id = ${userId}`;
  return row?.role ?? null;
}

/** An org with one user per role, plus a user who belongs nowhere. */
export async function createOrgWithRoles(admin: AdminSql) {
  const [owner, admin_, member, viewer, outsider] = await Promise.all(
    ['owner', 'admin', 'member', 'viewer', 'outsider'].map((n) => createUser(admin, { name: `${n} ${crypto.randomUUID().slice(0, 6)}` })),
  );
  if (!owner || !admin_ || !member || !viewer || !outsider) throw new Error('user fixtures failed');
  const org = await createOrg(admin, owner);
  await addMember(admin, org.id, admin_, 'admin');
  await addMember(admin, org.id, member, 'member');
  await addMember(admin, org.id, viewer, 'viewer');
  return { org, owner, admin: admin_, member, viewer, outsider };
}

export async function auditActions(admin: AdminSql, orgId: string): Promise<string[]> {
  const rows = await admin<{ action: string }[]>`
    select action from public.audit_log where org_id = ${orgId} order by created_at, id`;
  return rows.map((r) => r.action);
}
