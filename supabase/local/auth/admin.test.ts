import { createClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import {
  GOOD_PASSWORD,
  TENANT_CALLBACK,
  adminClient,
  anonClient,
  followLink,
  latestMail,
  mailsTo,
  signedInUser,
  uniqueEmail,
  useAuthServer,
} from './test-support.ts';

const server = useAuthServer();

describe('admin endpoints need the secret key', () => {
  it('the publishable key gets 403 not_admin', async () => {
    const { error } = await anonClient(server).auth.admin.listUsers();
    expect(error?.status).toBe(403);
    expect(error?.code).toBe('not_admin');
    const created = await anonClient(server).auth.admin.createUser({ email: uniqueEmail('x'), password: GOOD_PASSWORD });
    expect(created.error?.code).toBe('not_admin');
  });

  it("a signed-in user's token is not enough either", async () => {
    const { session } = await signedInUser(server, 'not-admin');
    const response = await fetch(`${server.url}/auth/v1/admin/users`, {
      headers: { apikey: server.secretKey, Authorization: `Bearer ${session.access_token}`, 'X-Supabase-Api-Version': '2024-01-01' },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ code: 'not_admin', message: 'User not allowed' });
  });

  it('an unknown key is stopped at the gateway with 401', async () => {
    const stranger = createClient(server.url, 'sb_secret_not-a-real-key_12345678', { auth: { persistSession: false } });
    const { error } = await stranger.auth.admin.listUsers();
    expect(error?.status).toBe(401);
    expect(error?.message).toBe('Invalid API key');
  });

  it('the secret key is refused from a browser', async () => {
    const response = await fetch(`${server.url}/auth/v1/admin/users`, {
      headers: { apikey: server.secretKey, Authorization: `Bearer ${server.secretKey}`, 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64)' },
    });
    expect(response.status).toBe(401);
  });
});

describe('admin users', () => {
  it('create, read, update, ban, list and delete', async () => {
    const admin = adminClient(server).auth.admin;
    const email = uniqueEmail('managed');
    const created = await admin.createUser({
      email,
      password: GOOD_PASSWORD,
      email_confirm: true,
      user_metadata: { name: 'Grace' },
      app_metadata: { org_id: 'org-1' },
    });
    expect(created.error).toBeNull();
    const user = created.data.user!;
    expect(user.email_confirmed_at).toBeTruthy();
    expect(user.app_metadata).toMatchObject({ provider: 'email', providers: ['email'], org_id: 'org-1' });
    expect(user.user_metadata).toMatchObject({ name: 'Grace' });

    expect((await admin.getUserById(user.id)).data.user?.email).toBe(email);

    const updated = await admin.updateUserById(user.id, { user_metadata: { team: 'ops' }, app_metadata: { plan: 'pro' } });
    expect(updated.data.user?.user_metadata).toMatchObject({ name: 'Grace', team: 'ops' });
    expect(updated.data.user?.app_metadata).toMatchObject({ org_id: 'org-1', plan: 'pro' });

    const banned = await admin.updateUserById(user.id, { ban_duration: '24h' });
    expect(new Date(banned.data.user!.banned_until!).getTime()).toBeGreaterThan(Date.now() + 23 * 3600 * 1000);
    const refused = await anonClient(server).auth.signInWithPassword({ email, password: GOOD_PASSWORD });
    expect(refused.error?.code).toBe('user_banned');
    await admin.updateUserById(user.id, { ban_duration: 'none' });
    expect((await anonClient(server).auth.signInWithPassword({ email, password: GOOD_PASSWORD })).error).toBeNull();

    const reset = await admin.updateUserById(user.id, { password: 'amber-glacier-19-kettle' });
    expect(reset.error).toBeNull();
    expect((await anonClient(server).auth.signInWithPassword({ email, password: 'amber-glacier-19-kettle' })).error).toBeNull();

    const page = await admin.listUsers({ page: 1, perPage: 1 });
    if (page.error) throw page.error;
    expect(page.data.users).toHaveLength(1);
    expect(page.data.total).toBeGreaterThanOrEqual(1);
    expect(page.data.aud).toBe('authenticated');

    const deleted = await admin.deleteUser(user.id);
    expect(deleted.error).toBeNull();
    const gone = await admin.getUserById(user.id);
    expect(gone.error?.status).toBe(404);
    expect(gone.error?.code).toBe('user_not_found');
  });

  it('paginates with Link and X-Total-Count headers', async () => {
    const admin = adminClient(server).auth.admin;
    await admin.createUser({ email: uniqueEmail('page1'), password: GOOD_PASSWORD });
    await admin.createUser({ email: uniqueEmail('page2'), password: GOOD_PASSWORD });
    const page = await admin.listUsers({ page: 1, perPage: 1 });
    if (page.error) throw page.error;
    expect(page.data.users).toHaveLength(1);
    expect(page.data.nextPage).toBe(2);
    // supabase-js reads only the first digit of page numbers from Link, so check the raw headers too.
    const rawList = await fetch(`${server.url}/auth/v1/admin/users?page=1&per_page=1`, { headers: { apikey: server.secretKey } });
    const total = Number(rawList.headers.get('x-total-count'));
    expect(total).toBeGreaterThanOrEqual(2);
    expect(rawList.headers.get('link')).toBe(
      `</admin/users?page=2&per_page=1>; rel="next", </admin/users?page=${total}&per_page=1>; rel="last"`,
    );
    const bad = await fetch(`${server.url}/auth/v1/admin/users?page=zero`, {
      headers: { apikey: server.secretKey, 'X-Supabase-Api-Version': '2024-01-01' },
    });
    expect(bad.status).toBe(400);
  });

  it('soft delete keeps an anonymised row', async () => {
    const admin = adminClient(server).auth.admin;
    const email = uniqueEmail('soft');
    const { data } = await admin.createUser({ email, password: GOOD_PASSWORD, email_confirm: true });
    expect((await admin.deleteUser(data.user!.id, true)).error).toBeNull();
    const after = await admin.getUserById(data.user!.id);
    expect(after.data.user?.deleted_at).toBeTruthy();
    expect(after.data.user?.email).toBe('');
    expect((await anonClient(server).auth.signInWithPassword({ email, password: GOOD_PASSWORD })).error?.code).toBe('invalid_credentials');
  });

  it('refuses duplicates, weak passwords and bad ids', async () => {
    const admin = adminClient(server).auth.admin;
    const email = uniqueEmail('dup');
    await admin.createUser({ email, password: GOOD_PASSWORD });
    const dup = await admin.createUser({ email: email.toUpperCase(), password: GOOD_PASSWORD });
    expect(dup.error?.status).toBe(422);
    expect(dup.error?.code).toBe('email_exists');
    const weak = await admin.createUser({ email: uniqueEmail('weak'), password: 'short' });
    expect(weak.error?.code).toBe('weak_password');
    const missing = await admin.getUserById('00000000-0000-4000-8000-000000000000');
    expect(missing.error?.code).toBe('user_not_found');
  });
});

describe('invite', () => {
  it('mails an invite; the link signs the user in and they set a password', async () => {
    const admin = adminClient(server).auth.admin;
    const email = uniqueEmail('invitee');
    const { data, error } = await admin.inviteUserByEmail(email, { data: { invited_by: 'ops' }, redirectTo: TENANT_CALLBACK });
    expect(error).toBeNull();
    expect(data.user?.invited_at).toBeTruthy();
    const mail = await latestMail(server, email, 'invite');
    expect(mail.subject).toBe('You have been invited');
    const followed = await followLink(mail.action_link);
    expect(followed.location.origin + followed.location.pathname).toBe(TENANT_CALLBACK);
    expect(followed.fragment.get('type')).toBe('invite');
    const client = anonClient(server);
    await client.auth.setSession({
      access_token: followed.fragment.get('access_token')!,
      refresh_token: followed.fragment.get('refresh_token')!,
    });
    expect((await client.auth.updateUser({ password: GOOD_PASSWORD })).error).toBeNull();
    const signIn = await anonClient(server).auth.signInWithPassword({ email, password: GOOD_PASSWORD });
    expect(signIn.error).toBeNull();
    expect(signIn.data.user?.user_metadata).toMatchObject({ invited_by: 'ops' });
  });

  it('refuses to invite a confirmed user', async () => {
    const { email } = await signedInUser(server, 'member');
    const { error } = await adminClient(server).auth.admin.inviteUserByEmail(email);
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('email_exists');
  });

  it('needs the secret key', async () => {
    const { error } = await anonClient(server).auth.admin.inviteUserByEmail(uniqueEmail('nope'));
    expect(error?.code).toBe('not_admin');
  });
});

describe('generate_link', () => {
  it('magiclink: returns a working link and code without sending mail', async () => {
    const { email, userId } = await signedInUser(server, 'genlink');
    const { data, error } = await adminClient(server).auth.admin.generateLink({
      type: 'magiclink',
      email,
      options: { redirectTo: TENANT_CALLBACK },
    });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(userId);
    expect(data.properties?.verification_type).toBe('magiclink');
    expect(data.properties?.email_otp).toMatch(/^\d{6}$/);
    expect(data.properties?.redirect_to).toBe(TENANT_CALLBACK);
    expect(await mailsTo(server, email)).toHaveLength(0);
    const followed = await followLink(data.properties!.action_link);
    expect(followed.fragment.get('type')).toBe('magiclink');
    expect((await anonClient(server).auth.getUser(followed.fragment.get('access_token')!)).data.user?.id).toBe(userId);
  });

  it('signup: creates the user; the email_otp confirms it', async () => {
    const email = uniqueEmail('gensignup');
    const { data, error } = await adminClient(server).auth.admin.generateLink({ type: 'signup', email, password: GOOD_PASSWORD });
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
    const verified = await anonClient(server).auth.verifyOtp({ email, token: data.properties!.email_otp, type: 'signup' });
    expect(verified.error).toBeNull();
    expect((await anonClient(server).auth.signInWithPassword({ email, password: GOOD_PASSWORD })).error).toBeNull();
  });

  it('recovery for an unknown address is 404, an unknown type is validation_failed', async () => {
    const admin = adminClient(server).auth.admin;
    const missing = await admin.generateLink({ type: 'recovery', email: uniqueEmail('ghost') });
    expect(missing.error?.status).toBe(404);
    expect(missing.error?.code).toBe('user_not_found');
    const response = await fetch(`${server.url}/auth/v1/admin/generate_link`, {
      method: 'POST',
      headers: { apikey: server.secretKey, 'Content-Type': 'application/json', 'X-Supabase-Api-Version': '2024-01-01' },
      body: JSON.stringify({ type: 'teleport', email: uniqueEmail('t') }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('validation_failed');
  });
});
