import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '../../../tests/setup/admin-sql.ts';
import {
  GOOD_PASSWORD,
  SITE_URL,
  TENANT_CALLBACK,
  adminClient,
  anonClient,
  followLink,
  latestMail,
  mailsTo,
  uniqueEmail,
  useAuthServer,
} from './test-support.ts';

const server = useAuthServer();
const admin = adminSql();

afterAll(async () => {
  await admin.end();
});

describe('sign-up with email confirmation (implicit flow)', () => {
  it('creates an unconfirmed user, mails a link, and the link signs the user in', async () => {
    const email = uniqueEmail('signup');
    const client = anonClient(server);
    const { data, error } = await client.auth.signUp({ email, password: GOOD_PASSWORD, options: { data: { name: 'Ada' } } });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user?.email).toBe(email);
    expect(data.user?.email_confirmed_at).toBeUndefined();
    expect(data.user?.user_metadata).toMatchObject({ name: 'Ada' });
    expect(data.user?.identities).toHaveLength(1);

    const early = await client.auth.signInWithPassword({ email, password: GOOD_PASSWORD });
    expect(early.error?.code).toBe('email_not_confirmed');

    const mail = await latestMail(server, email, 'signup');
    expect(mail.subject).toBe('Confirm Your Signup');
    expect(mail.otp).toMatch(/^\d{6}$/);
    expect(server.logs.some((line) => line.includes(mail.action_link))).toBe(true);

    const followed = await followLink(mail.action_link);
    expect(followed.status).toBe(303);
    expect(followed.location.origin + followed.location.pathname).toBe(`${SITE_URL}/`);
    expect(followed.fragment.get('type')).toBe('signup');
    expect(followed.fragment.get('token_type')).toBe('bearer');
    expect(Number(followed.fragment.get('expires_in'))).toBe(3600);
    const accessToken = followed.fragment.get('access_token')!;
    const user = await client.auth.getUser(accessToken);
    expect(user.error).toBeNull();
    expect(user.data.user?.email_confirmed_at).toBeTruthy();

    const signIn = await client.auth.signInWithPassword({ email, password: GOOD_PASSWORD });
    expect(signIn.error).toBeNull();
    expect(signIn.data.user?.id).toBe(data.user?.id);
  });

  it('stores the token only hashed, in auth.one_time_tokens, and clears it once used', async () => {
    const email = uniqueEmail('hashed');
    await anonClient(server).auth.signUp({ email, password: GOOD_PASSWORD });
    const mail = await latestMail(server, email, 'signup');
    const [row] = await admin`
      select t.token_hash, t.relates_to from auth.one_time_tokens t join auth.users u on u.id = t.user_id
      where u.email = ${email} and t.token_type = 'confirmation_token'`;
    expect(row?.token_hash).toBe(mail.token_hash);
    expect(row?.token_hash).not.toContain(mail.otp);
    expect(row?.relates_to).toBe(email);
    await followLink(mail.action_link);
    const left = await admin`select 1 from auth.one_time_tokens t join auth.users u on u.id = t.user_id where u.email = ${email}`;
    expect(left).toHaveLength(0);
  });

  it('rejects a link used twice and an expired link with otp_expired in the redirect', async () => {
    const email = uniqueEmail('reuse');
    await anonClient(server).auth.signUp({ email, password: GOOD_PASSWORD });
    const mail = await latestMail(server, email, 'signup');
    expect((await followLink(mail.action_link)).fragment.get('access_token')).toBeTruthy();
    const again = await followLink(mail.action_link);
    expect(again.fragment.get('access_token')).toBeNull();
    expect(again.fragment.get('error')).toBe('access_denied');
    expect(again.fragment.get('error_code')).toBe('otp_expired');
    expect(again.fragment.get('error_description')).toBe('Email link is invalid or has expired');

    const late = uniqueEmail('expired');
    await anonClient(server).auth.signUp({ email: late, password: GOOD_PASSWORD });
    const lateMail = await latestMail(server, late, 'signup');
    await admin`update auth.users set confirmation_sent_at = now() - interval '61 minutes' where email = ${late}`;
    const expired = await followLink(lateMail.action_link);
    expect(expired.fragment.get('error_code')).toBe('otp_expired');
    const [user] = await admin`select email_confirmed_at from auth.users where email = ${late}`;
    expect(user?.email_confirmed_at).toBeNull();
  });

  it('sends users to the site URL when redirect_to is not allowed, and to allowed tenant hosts', async () => {
    const evil = uniqueEmail('evil');
    await anonClient(server).auth.signUp({ email: evil, password: GOOD_PASSWORD, options: { emailRedirectTo: 'https://evil.example/steal' } });
    const evilMail = await latestMail(server, evil);
    expect(evilMail.redirect_to).toBe(SITE_URL);

    const tenant = uniqueEmail('tenant');
    await anonClient(server).auth.signUp({ email: tenant, password: GOOD_PASSWORD, options: { emailRedirectTo: TENANT_CALLBACK } });
    const followed = await followLink((await latestMail(server, tenant)).action_link);
    expect(followed.location.origin + followed.location.pathname).toBe(TENANT_CALLBACK);
  });

  it('confirms with the 6-digit code from the email (verifyOtp type email)', async () => {
    const email = uniqueEmail('code');
    const client = anonClient(server);
    await client.auth.signUp({ email, password: GOOD_PASSWORD });
    const mail = await latestMail(server, email, 'signup');
    const wrongCode = mail.otp === '000000' ? '111111' : '000000';
    const wrong = await client.auth.verifyOtp({ email, token: wrongCode, type: 'email' });
    expect(wrong.error?.status).toBe(403);
    expect(wrong.error?.code).toBe('otp_expired');
    expect(wrong.error?.message).toBe('Token has expired or is invalid');

    const { data, error } = await client.auth.verifyOtp({ email, token: mail.otp, type: 'email' });
    expect(error).toBeNull();
    expect(data.session?.user.email_confirmed_at).toBeTruthy();
    expect((await client.auth.getUser()).data.user?.email).toBe(email);
  });

  it('confirms through verifyOtp with the token_hash (server-side confirm route pattern)', async () => {
    const email = uniqueEmail('hash');
    await anonClient(server).auth.signUp({ email, password: GOOD_PASSWORD });
    const mail = await latestMail(server, email, 'signup');
    const { data, error } = await anonClient(server).auth.verifyOtp({ token_hash: mail.token_hash, type: 'signup' });
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
  });
});

describe('sign-up with PKCE', () => {
  it('redirects with ?code= and exchangeCodeForSession returns a session', async () => {
    const email = uniqueEmail('pkce');
    const client = anonClient(server, 'pkce');
    const { error } = await client.auth.signUp({ email, password: GOOD_PASSWORD, options: { emailRedirectTo: TENANT_CALLBACK } });
    expect(error).toBeNull();
    const mail = await latestMail(server, email, 'signup');
    expect(new URL(mail.action_link).searchParams.get('token')).toMatch(/^pkce_[0-9a-f]{56}$/);
    const followed = await followLink(mail.action_link);
    const code = followed.query.get('code');
    expect(code).toBeTruthy();
    expect(followed.location.hash).toBe('');

    const exchanged = await client.auth.exchangeCodeForSession(code!);
    expect(exchanged.error).toBeNull();
    expect(exchanged.data.user?.email).toBe(email);
    const claims = await client.auth.getClaims();
    expect(claims.data?.claims.amr).toEqual([expect.objectContaining({ method: 'email/signup' })]);

    // The code is single-use.
    const other = anonClient(server, 'pkce');
    await other.auth.signUp({ email: uniqueEmail('pkce2'), password: GOOD_PASSWORD });
    const replay = await other.auth.exchangeCodeForSession(code!);
    expect(replay.error?.code).toBe('flow_state_not_found');
  });

  it('refuses a code with the wrong verifier (bad_code_verifier)', async () => {
    const email = uniqueEmail('verifier');
    const client = anonClient(server, 'pkce');
    await client.auth.signUp({ email, password: GOOD_PASSWORD });
    const code = (await followLink((await latestMail(server, email)).action_link)).query.get('code')!;
    const stranger = anonClient(server, 'pkce');
    await stranger.auth.signUp({ email: uniqueEmail('stranger'), password: GOOD_PASSWORD });
    const stolen = await stranger.auth.exchangeCodeForSession(code);
    expect(stolen.error?.code).toBe('bad_code_verifier');
    expect((await client.auth.exchangeCodeForSession(code)).error).toBeNull();
  });
});

describe('password policy and existing accounts', () => {
  it('rejects short passwords with weak_password reasons, and no others by default (as hosted Supabase)', async () => {
    const client = anonClient(server);
    const short = await client.auth.signUp({ email: uniqueEmail('short'), password: 'abc12' });
    expect(short.error?.name).toBe('AuthWeakPasswordError');
    expect(short.error?.status).toBe(422);
    expect(short.error?.code).toBe('weak_password');
    expect((short.error as unknown as { reasons: string[] }).reasons).toEqual(['length']);
    expect(short.error?.message).toBe('Password should be at least 6 characters.');

    // Leaked-password protection is a hosted dashboard switch with no config.toml key: off here.
    const common = await client.auth.signUp({ email: uniqueEmail('common'), password: 'password123' });
    expect(common.error).toBeNull();

    const long = await client.auth.signUp({ email: uniqueEmail('long'), password: 'x'.repeat(73) });
    expect(long.error?.status).toBe(400);
    expect(long.error?.code).toBe('validation_failed');

    const missing = await client.auth.signUp({ email: uniqueEmail('none'), password: '' });
    expect(missing.error?.code).toBe('validation_failed');
  });

  it('rejects a malformed email address', async () => {
    const { error } = await anonClient(server).auth.signUp({ email: 'not-an-email', password: GOOD_PASSWORD });
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('validation_failed');
    expect(error?.message).toBe('Unable to validate email address: invalid format');
  });

  it('answers a sign-up for a confirmed address with an obfuscated user and sends nothing', async () => {
    const email = uniqueEmail('taken');
    const created = await adminClient(server).auth.admin.createUser({ email, password: GOOD_PASSWORD, email_confirm: true });
    const { data, error } = await anonClient(server).auth.signUp({ email, password: 'another-fine-passphrase' });
    expect(error).toBeNull();
    expect(data.user?.id).not.toBe(created.data.user?.id);
    expect(data.user?.identities).toEqual([]);
    expect(await mailsTo(server, email)).toHaveLength(0);
    // The original password still works: the request changed nothing.
    expect((await anonClient(server).auth.signInWithPassword({ email, password: GOOD_PASSWORD })).error).toBeNull();
  });
});

describe('with email confirmation turned off', () => {
  const open = useAuthServer({ requireEmailConfirmation: false });

  it('signs the user in at once and reports an existing address as user_already_exists', async () => {
    const email = uniqueEmail('auto');
    const { data, error } = await anonClient(open).auth.signUp({ email, password: GOOD_PASSWORD });
    expect(error).toBeNull();
    expect(data.session?.access_token).toBeTruthy();
    expect(data.user?.email_confirmed_at).toBeTruthy();
    expect(await mailsTo(open, email)).toHaveLength(0);
    const settings = (await (await fetch(`${open.url}/auth/v1/settings`, { headers: { apikey: open.publishableKey } })).json()) as {
      mailer_autoconfirm: boolean;
    };
    expect(settings.mailer_autoconfirm).toBe(true);

    const again = await anonClient(open).auth.signUp({ email, password: GOOD_PASSWORD });
    expect(again.error?.status).toBe(422);
    expect(again.error?.code).toBe('user_already_exists');
  });
});
