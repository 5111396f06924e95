import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '../../../tests/setup/admin-sql.ts';
import {
  GOOD_PASSWORD,
  TENANT_CALLBACK,
  anonClient,
  followLink,
  latestMail,
  mailsTo,
  signedInUser,
  uniqueEmail,
  useAuthServer,
} from './test-support.ts';

const server = useAuthServer();
const admin = adminSql();
const NEW_PASSWORD = 'quiet-meadow-82-compass';

afterAll(async () => {
  await admin.end();
});

describe('password recovery', () => {
  it('implicit: the recovery link signs in, then updateUser sets the new password', async () => {
    const { email, userId } = await signedInUser(server, 'recover');
    const client = anonClient(server);
    const sent = await client.auth.resetPasswordForEmail(email, { redirectTo: `${TENANT_CALLBACK}?next=/reset` });
    expect(sent.error).toBeNull();
    const mail = await latestMail(server, email, 'recovery');
    expect(mail.subject).toBe('Reset Your Password');
    const followed = await followLink(mail.action_link);
    expect(followed.query.get('next')).toBe('/reset');
    expect(followed.fragment.get('type')).toBe('recovery');
    await client.auth.setSession({
      access_token: followed.fragment.get('access_token')!,
      refresh_token: followed.fragment.get('refresh_token')!,
    });
    const updated = await client.auth.updateUser({ password: NEW_PASSWORD });
    expect(updated.error).toBeNull();
    expect(updated.data.user?.id).toBe(userId);

    expect((await anonClient(server).auth.signInWithPassword({ email, password: GOOD_PASSWORD })).error?.code).toBe('invalid_credentials');
    expect((await anonClient(server).auth.signInWithPassword({ email, password: NEW_PASSWORD })).error).toBeNull();
    expect((await followLink(mail.action_link)).fragment.get('error_code')).toBe('otp_expired');
  });

  it('PKCE: exchangeCodeForSession reports redirectType recovery', async () => {
    const { email } = await signedInUser(server, 'recover-pkce');
    const client = anonClient(server, 'pkce');
    expect((await client.auth.resetPasswordForEmail(email, { redirectTo: TENANT_CALLBACK })).error).toBeNull();
    const code = (await followLink((await latestMail(server, email, 'recovery')).action_link)).query.get('code')!;
    const { data, error } = await client.auth.exchangeCodeForSession(code);
    expect(error).toBeNull();
    expect(data).toMatchObject({ redirectType: 'recovery' });
    expect((await client.auth.updateUser({ password: NEW_PASSWORD })).error).toBeNull();
  });

  it('answers an unknown address exactly like a known one and sends nothing', async () => {
    const known = await signedInUser(server, 'known');
    const unknown = uniqueEmail('unknown');
    const a = await fetch(`${server.url}/auth/v1/recover`, {
      method: 'POST',
      headers: { apikey: server.publishableKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: known.email }),
    });
    const b = await fetch(`${server.url}/auth/v1/recover`, {
      method: 'POST',
      headers: { apikey: server.publishableKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: unknown }),
    });
    expect([a.status, await a.text()]).toEqual([b.status, await b.text()]);
    expect(a.status).toBe(200);
    expect(await mailsTo(server, unknown)).toHaveLength(0);
    expect(await mailsTo(server, known.email)).toHaveLength(1);
  });
});

describe('updating the password', () => {
  it('refuses the same password and weak ones', async () => {
    const { client } = await signedInUser(server, 'same');
    const same = await client.auth.updateUser({ password: GOOD_PASSWORD });
    expect(same.error?.status).toBe(422);
    expect(same.error?.code).toBe('same_password');
    const weak = await client.auth.updateUser({ password: 'abc12' });
    expect(weak.error?.name).toBe('AuthWeakPasswordError');
    expect((weak.error as unknown as { reasons: string[] }).reasons).toEqual(['length']);
  });

  it('signs out the other sessions but keeps this one', async () => {
    const a = await signedInUser(server, 'pw-others');
    const other = anonClient(server);
    const b = await other.auth.signInWithPassword({ email: a.email, password: GOOD_PASSWORD });
    expect((await a.client.auth.updateUser({ password: NEW_PASSWORD })).error).toBeNull();
    const refreshed = await anonClient(server).auth.refreshSession({ refresh_token: b.data.session!.refresh_token });
    expect(refreshed.error?.code).toBe('refresh_token_not_found');
    expect((await a.client.auth.refreshSession()).error).toBeNull();
  });

  it('merges user metadata and refuses app_metadata from the user', async () => {
    const { client } = await signedInUser(server, 'meta');
    await client.auth.updateUser({ data: { theme: 'dark', locale: 'fr' } });
    const { data } = await client.auth.updateUser({ data: { locale: null, team: 'blue' } });
    expect(data.user?.user_metadata).toMatchObject({ theme: 'dark', team: 'blue' });
    expect(data.user?.user_metadata).not.toHaveProperty('locale');
    const sneaky = await fetch(`${server.url}/auth/v1/user`, {
      method: 'PUT',
      headers: {
        apikey: server.publishableKey,
        Authorization: `Bearer ${(await client.auth.getSession()).data.session!.access_token}`,
        'Content-Type': 'application/json',
        'X-Supabase-Api-Version': '2024-01-01',
      },
      body: JSON.stringify({ app_metadata: { role: 'owner' } }),
    });
    expect(sneaky.status).toBe(403);
    expect(((await sneaky.json()) as { code: string }).code).toBe('not_admin');
  });
});

describe('changing the email address', () => {
  it('needs the links in both inboxes before the address changes', async () => {
    const { client, email } = await signedInUser(server, 'old');
    const next = uniqueEmail('new');
    const { data, error } = await client.auth.updateUser({ email: next }, { emailRedirectTo: TENANT_CALLBACK });
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
    expect(data.user?.new_email).toBe(next);
    expect(data.user?.email_change_sent_at).toBeTruthy();

    const toNew = await latestMail(server, next, 'email_change_new');
    const toOld = await latestMail(server, email, 'email_change_current');
    expect(toNew.subject).toBe('Confirm Email Change');

    const first = await followLink(toNew.action_link);
    expect(first.fragment.get('message')).toBe('Confirmation link accepted. Please proceed to confirm link sent to the other email');
    expect(first.fragment.get('access_token')).toBeNull();
    expect((await client.auth.getUser()).data.user?.email).toBe(email);

    const second = await followLink(toOld.action_link);
    expect(second.fragment.get('type')).toBe('email_change');
    expect(second.fragment.get('access_token')).toBeTruthy();
    const user = (await client.auth.getUser()).data.user!;
    expect(user.email).toBe(next);
    expect(user.new_email).toBeUndefined();
    expect(user.identities?.[0]?.identity_data?.email).toBe(next);

    expect((await anonClient(server).auth.signInWithPassword({ email: next, password: GOOD_PASSWORD })).error).toBeNull();
    expect((await anonClient(server).auth.signInWithPassword({ email, password: GOOD_PASSWORD })).error?.code).toBe('invalid_credentials');
  });

  it('PKCE: the final link redirects with a code', async () => {
    const { email, password } = await signedInUser(server, 'old-pkce');
    const client = anonClient(server, 'pkce');
    await client.auth.signInWithPassword({ email, password });
    const next = uniqueEmail('new-pkce');
    expect((await client.auth.updateUser({ email: next })).error).toBeNull();
    await followLink((await latestMail(server, email, 'email_change_current')).action_link);
    const last = await followLink((await latestMail(server, next, 'email_change_new')).action_link);
    const code = last.query.get('code');
    expect(code).toBeTruthy();
    const exchanged = await client.auth.exchangeCodeForSession(code!);
    expect(exchanged.error).toBeNull();
    expect(exchanged.data.user?.email).toBe(next);
  });

  it('refuses an address another user has (email_exists)', async () => {
    const a = await signedInUser(server, 'a');
    const b = await signedInUser(server, 'b');
    const { error } = await a.client.auth.updateUser({ email: b.email });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('email_exists');
  });

  it('can be confirmed with the codes instead of the links', async () => {
    const { client, email } = await signedInUser(server, 'code-old');
    const next = uniqueEmail('code-new');
    await client.auth.updateUser({ email: next });
    const toNew = await latestMail(server, next, 'email_change_new');
    const toOld = await latestMail(server, email, 'email_change_current');
    const first = await anonClient(server).auth.verifyOtp({ email: next, token: toNew.otp, type: 'email_change' });
    expect(first.error).toBeNull();
    expect(first.data.session).toBeNull();
    const second = await anonClient(server).auth.verifyOtp({ email, token: toOld.otp, type: 'email_change' });
    expect(second.error).toBeNull();
    expect(second.data.user?.email).toBe(next);
  });
});
