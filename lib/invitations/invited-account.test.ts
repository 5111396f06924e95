import crypto from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { createOrgWithRoles } from '@/tests/setup/fixtures';
import { closeSql, withRls } from '@/lib/db';
import { createInvitedAccount } from '@/lib/invitations/invited-account';
import { inviteMember } from '@/lib/invitations/service';

/** Against the real local auth server (started by tests/setup/global-setup.ts with supabase/config.toml). */
const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

const password = () => `Inv-${crypto.randomBytes(6).toString('hex')}-lantern`;
const email = (label: string) => `${label}-${crypto.randomBytes(4).toString('hex')}@example.test`;

async function invited(label: string, role: 'admin' | 'member' | 'viewer' = 'member') {
  const w = await createOrgWithRoles(admin);
  const address = email(label);
  const issued = await withRls(w.owner.claims, (tx) => inviteMember(tx, { orgId: w.org.id, email: address, role }));
  return { w, address, token: issued.token, invitationId: issued.invitation.id };
}

async function authUser(address: string) {
  const [row] = await admin<{ id: string; email_confirmed_at: Date | null; full_name: string | null }[]>`
    select id, email_confirmed_at, raw_user_meta_data ->> 'full_name' as full_name from auth.users where lower(email) = ${address.toLowerCase()}`;
  return row ?? null;
}

/** Signs in with supabase-js and the publishable key, as a browser-side client would: refused for unconfirmed emails. */
async function canSignIn(address: string, secret: string): Promise<boolean> {
  const client = createClient(inject('supabaseUrl'), inject('supabasePublishableKey'), { auth: { persistSession: false, autoRefreshToken: false } });
  const { data, error } = await client.auth.signInWithPassword({ email: address, password: secret });
  return !error && Boolean(data.session);
}

describe('createInvitedAccount', () => {
  it('creates the invited address already confirmed, with its name and password, and nothing else', async () => {
    const { w, address, token } = await invited('invitee');
    const secret = password();
    const result = await createInvitedAccount({ token, orgSlug: w.org.slug, email: address.toUpperCase(), password: secret, name: 'Ivy Invitee' });
    expect(result).toMatchObject({ created: true });
    const user = await authUser(address);
    expect(user?.id).toBe(result.created ? result.userId : null);
    expect(user?.email_confirmed_at).toBeInstanceOf(Date);
    expect(user?.full_name).toBe('Ivy Invitee');
    expect(await canSignIn(address, secret)).toBe(true);
    // Creating the account does not accept the invitation: the sign-up action does that once signed in.
    const [membership] = await admin`select 1 from public.memberships where org_id = ${w.org.id} and user_id = ${user!.id}`;
    expect(membership).toBeUndefined();
  });

  it('does nothing for another address, another organization, or an unknown token', async () => {
    const { w, address, token } = await invited('someone');
    const other = await createOrgWithRoles(admin);
    const stranger = email('stranger');
    expect(await createInvitedAccount({ token, orgSlug: w.org.slug, email: stranger, password: password() })).toEqual({ created: false });
    expect(await createInvitedAccount({ token, orgSlug: other.org.slug, email: address, password: password() })).toEqual({ created: false });
    expect(await createInvitedAccount({ token: 'A'.repeat(43), orgSlug: w.org.slug, email: address, password: password() })).toEqual({ created: false });
    expect(await createInvitedAccount({ token: 'not-a-token', orgSlug: w.org.slug, email: address, password: password() })).toEqual({ created: false });
    expect(await authUser(stranger)).toBeNull();
    expect(await authUser(address)).toBeNull();
  });

  it.each([
    ['expired', (id: string) => admin`update public.invitations set expires_at = now() - interval '1 second' where id = ${id}`],
    ['revoked', (id: string) => admin`update public.invitations set revoked_at = now() where id = ${id}`],
  ])('does nothing for a %s invitation', async (_, spoil) => {
    const { w, address, token, invitationId } = await invited('spoilt');
    await spoil(invitationId);
    expect(await createInvitedAccount({ token, orgSlug: w.org.slug, email: address, password: password() })).toEqual({ created: false });
    expect(await authUser(address)).toBeNull();
  });

  it('leaves an existing account alone (its password still works; the normal sign-up applies)', async () => {
    const { w, address, token } = await invited('existing');
    const original = password();
    const auth = createClient(inject('supabaseUrl'), inject('supabaseSecretKey'), { auth: { persistSession: false, autoRefreshToken: false } });
    const { error } = await auth.auth.admin.createUser({ email: address, password: original, email_confirm: true });
    expect(error).toBeNull();
    expect(await createInvitedAccount({ token, orgSlug: w.org.slug, email: address, password: password() })).toEqual({ created: false });
    expect(await canSignIn(address, original)).toBe(true);
  });

  it('returns the auth server\'s refusal of a weak password, creating nothing', async () => {
    const { w, address, token } = await invited('weak');
    const result = await createInvitedAccount({ token, orgSlug: w.org.slug, email: address, password: 'short' });
    expect(result.created).toBe(false);
    expect(!result.created && result.error?.code).toBe('weak_password');
    expect(await authUser(address)).toBeNull();
  });
});
