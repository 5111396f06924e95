import crypto from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import postgres from 'postgres';

export interface BenchTenant {
  orgId: string;
  slug: string;
  userId: string;
  /** Access token of the organization's admin (Bearer). */
  token: string;
  /** The token's claims, as the app passes them to withRls after verifying it. */
  claims: { role: 'authenticated'; sub: string } & Record<string, unknown>;
  entries: number;
}

/**
 * One organization with an admin (created through the auth admin API and signed in
 * with supabase-js for a real access token) and `entries` audit entries by that
 * admin, inserted as the superuser, as the API test fixtures do.
 */
export async function seedBenchTenant(opts: {
  adminUrl: string;
  authUrl: string;
  secretKey: string;
  publishableKey: string;
  entries: number;
}): Promise<BenchTenant> {
  const tag = crypto.randomBytes(4).toString('hex');
  const email = `bench-admin-${tag}@example.com`;
  const password = `Bench-${crypto.randomBytes(8).toString('hex')}-harbor`;
  const options = { auth: { persistSession: false, autoRefreshToken: false } };
  const created = await createClient(opts.authUrl, opts.secretKey, options).auth.admin.createUser({ email, password, email_confirm: true });
  if (created.error || !created.data.user) throw new Error(`creating ${email}: ${created.error?.message}`);
  const userId = created.data.user.id;
  const signedIn = await createClient(opts.authUrl, opts.publishableKey, options).auth.signInWithPassword({ email, password });
  if (signedIn.error || !signedIn.data.session) throw new Error(`signing in ${email}: ${signedIn.error?.message}`);
  const token = signedIn.data.session.access_token;

  const sql = postgres(opts.adminUrl, { max: 1, onnotice: () => {} });
  try {
    const slug = `bench-${tag}`;
    const [org] = await sql<{ id: string }[]>`
      insert into public.organizations (name, slug) values (${`Bench ${tag}`}, ${slug}) returning id`;
    if (!org) throw new Error('organization insert returned no row');
    await sql`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${userId}, 'admin')`;
    // Creating the organization and the membership wrote entries already (database triggers).
    const [written] = await sql<{ n: number }[]>`select count(*)::int as n from public.audit_log where org_id = ${org.id}`;
    await sql`
      insert into public.audit_log (org_id, actor_id, action, target_type, target_id, before, after, request_id, ip, user_agent, created_at)
      select ${org.id}, ${userId}, 'member.role_changed', 'user', ${userId}, '{"role":"member"}'::jsonb, '{"role":"admin"}'::jsonb,
             'bench-' || g, '127.0.0.1'::inet, 'bench/request-path', now() - make_interval(secs => g)
      from generate_series(1, ${opts.entries - (written?.n ?? 0)}) g`;
    await sql`analyze public.audit_log`;
    const [count] = await sql<{ n: number }[]>`select count(*)::int as n from public.audit_log where org_id = ${org.id}`;
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as BenchTenant['claims'];
    return { orgId: org.id, slug, userId, token, claims, entries: count?.n ?? 0 };
  } finally {
    await sql.end();
  }
}
