import crypto from 'node:crypto';
import { test } from '@playwright/test';
import { createClient } from '@supabase/supabase-js';
import postgres from 'postgres';
import { e2eStack } from './stack';

/**
 * Fixtures for the API suites: users through the auth admin API (secret key),
 * signed in with supabase-js for their access tokens (Bearer auth); organizations,
 * memberships and audit entries straight in SQL as the superuser.
 */
export type Role = 'owner' | 'admin' | 'member' | 'viewer';

export interface ApiUser {
  id: string;
  email: string;
  token: string;
}

export interface ApiOrg {
  id: string;
  slug: string;
  name: string;
}

let db: postgres.Sql | undefined;

/** Superuser connection to the e2e database (bypasses RLS: fixtures and assertions only). */
export function adminDb(): postgres.Sql {
  db ??= postgres(e2eStack().adminDbUrl, { max: 2, onnotice: () => {} });
  return db;
}

export async function closeAdminDb(): Promise<void> {
  await db?.end({ timeout: 5 });
  db = undefined;
}

export const suffix = () => crypto.randomBytes(4).toString('hex');

/** A confirmed user and a fresh access token for them. */
export async function createUser(tag: string): Promise<ApiUser> {
  const { authUrl, secretKey, publishableKey } = e2eStack();
  const options = { auth: { persistSession: false, autoRefreshToken: false } };
  const email = `${tag}-${suffix()}@example.com`;
  const password = `Api-${crypto.randomBytes(8).toString('hex')}-harbor`;
  const admin = createClient(authUrl, secretKey, options);
  const created = await admin.auth.admin.createUser({ email, password, email_confirm: true });
  if (created.error || !created.data.user) throw new Error(`createUser ${email}: ${created.error?.message}`);
  const signedIn = await createClient(authUrl, publishableKey, options).auth.signInWithPassword({ email, password });
  if (signedIn.error || !signedIn.data.session) throw new Error(`sign in ${email}: ${signedIn.error?.message}`);
  return { id: created.data.user.id, email, token: signedIn.data.session.access_token };
}

export async function createOrg(tag: string, name = `${tag} Inc`): Promise<ApiOrg> {
  const slug = `${tag}-${suffix()}`;
  const [row] = await adminDb()<{ id: string }[]>`
    insert into public.organizations (name, slug) values (${name}, ${slug}) returning id`;
  if (!row) throw new Error('organization insert returned no row');
  return { id: row.id, slug, name };
}

export async function addMember(org: ApiOrg, user: ApiUser, role: Role): Promise<void> {
  await adminDb()`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${user.id}, ${role})`;
}

export async function addAuditEntry(org: ApiOrg, actor: ApiUser, action: string): Promise<string> {
  const [row] = await adminDb()<{ id: string }[]>`
    insert into public.audit_log (org_id, actor_id, action, target_type, target_id, request_id)
    values (${org.id}, ${actor.id}, ${action}, 'user', ${actor.id}, ${`fixture-${suffix()}`}) returning id`;
  if (!row) throw new Error('audit insert returned no row');
  return row.id;
}

/** Rows of one organization in a tenant table. */
export async function countRows(table: 'memberships' | 'invitations' | 'audit_log', orgId: string): Promise<number> {
  const sql = adminDb();
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from ${sql(`public.${table}`)} where org_id = ${orgId}`;
  return row?.n ?? 0;
}

export async function roleOf(org: ApiOrg, user: ApiUser): Promise<Role | null> {
  const [row] = await adminDb()<{ role: Role }[]>`
    select role from public.memberships where org_id = ${org.id} and user_id = ${user.id}`;
  return row?.role ?? null;
}

export interface Tenant {
  org: ApiOrg;
  users: Record<Role, ApiUser>;
}

/** An organization with one user in each role. */
export async function createTenant(tag: string): Promise<Tenant> {
  const org = await createOrg(tag);
  const make = async (role: Role) => {
    const user = await createUser(`${tag}-${role}`);
    await addMember(org, user, role);
    return user;
  };
  return { org, users: { owner: await make('owner'), admin: await make('admin'), member: await make('member'), viewer: await make('viewer') } };
}

/**
 * The two tenants of an API suite, made in beforeAll; afterAll prints the suite's
 * assertion count (`report`) and closes the admin connection. The handles read
 * through to the tenants, so they can be kept at module level.
 */
export function useTenants(report: () => void): { acme: Tenant; globex: Tenant } {
  const made: { acme?: Tenant; globex?: Tenant } = {};
  test.beforeAll(async () => {
    made.acme = await createTenant('acme');
    made.globex = await createTenant('globex');
  });
  test.afterAll(async () => {
    report();
    await closeAdminDb();
  });
  return { acme: tenantHandle(() => made.acme), globex: tenantHandle(() => made.globex) };
}

function tenantHandle(get: () => Tenant | undefined): Tenant {
  const current = (): Tenant => {
    const tenant = get();
    if (!tenant) throw new Error('the suite tenants are made in beforeAll: use them in hooks and tests');
    return tenant;
  };
  return {
    get org() {
      return current().org;
    },
    get users() {
      return current().users;
    },
  };
}

/**
 * Everything the API could change for these organizations, as one comparable
 * value: organizations, memberships, invitations, audit entries, and the local
 * mailbox size (no email may go out either).
 */
export async function snapshot(orgIds: string[]): Promise<unknown> {
  const sql = adminDb();
  const [orgs, members, invitations, audit, mailbox] = await Promise.all([
    sql`select id, name, slug, updated_at from public.organizations where id in ${sql(orgIds)} order by id`,
    sql`select org_id, user_id, role, updated_at from public.memberships where org_id in ${sql(orgIds)} order by org_id, user_id`,
    sql`select id, org_id, email, role, token_hash, revoked_at, accepted_at from public.invitations
        where org_id in ${sql(orgIds)} order by id`,
    sql`select id from public.audit_log where org_id in ${sql(orgIds)} order by id`,
    sql`select count(*)::int as n from auth.local_mailbox`,
  ]);
  return JSON.parse(JSON.stringify({ orgs, members, invitations, audit, mailbox }));
}

export const randomUuid = () => crypto.randomUUID();
