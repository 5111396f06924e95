import { createServerClient } from '@supabase/ssr';
import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '../../../tests/setup/admin-sql.ts';
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
const admin = adminSql();

afterAll(async () => {
  await admin.end();
});

async function confirmedUser(tag: string) {
  const email = uniqueEmail(tag);
  const { data } = await adminClient(server).auth.admin.createUser({ email, password: GOOD_PASSWORD, email_confirm: true });
  return { email, id: data.user!.id };
}

describe('password sign-in', () => {
  it('returns a GoTrue session and the same error for a wrong password and an unknown email', async () => {
    const { email, id } = await confirmedUser('pw');
    const client = anonClient(server);
    const { data, error } = await client.auth.signInWithPassword({ email, password: GOOD_PASSWORD });
    expect(error).toBeNull();
    const session = data.session!;
    expect(session.token_type).toBe('bearer');
    expect(session.expires_in).toBe(3600);
    expect(session.expires_at).toBeGreaterThan(Date.now() / 1000 + 3500);
    expect(session.refresh_token.length).toBeGreaterThanOrEqual(12);
    expect(session.user.id).toBe(id);
    expect(session.user.last_sign_in_at).toBeTruthy();
    expect(data.weakPassword).toBeUndefined();

    const wrong = await client.auth.signInWithPassword({ email, password: 'not-the-password-1' });
    const unknown = await client.auth.signInWithPassword({ email: uniqueEmail('nobody'), password: 'not-the-password-1' });
    for (const result of [wrong, unknown]) {
      expect(result.error?.status).toBe(400);
      expect(result.error?.code).toBe('invalid_credentials');
      expect(result.error?.message).toBe('Invalid login credentials');
    }
  });

  it('accepts a bcrypt hash written by SQL (pgcrypto) and reports a weak password on sign-in', async () => {
    const { email } = await confirmedUser('bcrypt');
    // Shorter than the policy's minimum (6 here, hosted's default): sign-in works and says so.
    await admin`update auth.users set encrypted_password = extensions.crypt('pass1', extensions.gen_salt('bf')) where email = ${email}`;
    const { data, error } = await anonClient(server).auth.signInWithPassword({ email, password: 'pass1' });
    expect(error).toBeNull();
    expect(data.weakPassword?.reasons).toEqual(['length']);
    const wrong = await anonClient(server).auth.signInWithPassword({ email, password: 'pass2' });
    expect(wrong.error?.code).toBe('invalid_credentials');
  });

  it('stores scrypt hashes, never the password', async () => {
    const { email } = await confirmedUser('hash');
    const [row] = await admin`select encrypted_password from auth.users where email = ${email}`;
    expect(row?.encrypted_password).toMatch(/^\$scrypt\$16384\$8\$1\$/);
    expect(row?.encrypted_password).not.toContain(GOOD_PASSWORD);
  });
});

describe('magic link (POST /otp)', () => {
  it('implicit flow: the link redirects with a session in the fragment', async () => {
    const { email, id } = await confirmedUser('magic');
    const client = anonClient(server);
    const { data, error } = await client.auth.signInWithOtp({ email, options: { emailRedirectTo: TENANT_CALLBACK } });
    expect(error).toBeNull();
    expect(data).toEqual({ user: null, session: null });
    const mail = await latestMail(server, email, 'magiclink');
    expect(mail.subject).toBe('Your Magic Link');
    const followed = await followLink(mail.action_link);
    expect(followed.location.origin + followed.location.pathname).toBe(TENANT_CALLBACK);
    expect(followed.fragment.get('type')).toBe('magiclink');
    const set = await client.auth.setSession({
      access_token: followed.fragment.get('access_token')!,
      refresh_token: followed.fragment.get('refresh_token')!,
    });
    expect(set.error).toBeNull();
    expect(set.data.user?.id).toBe(id);
    const claims = await client.auth.getClaims();
    expect(claims.data?.claims.amr).toEqual([expect.objectContaining({ method: 'otp' })]);
  });

  it('PKCE flow: the link redirects with ?code= for exchangeCodeForSession', async () => {
    const { email, id } = await confirmedUser('magic-pkce');
    const client = anonClient(server, 'pkce');
    expect((await client.auth.signInWithOtp({ email, options: { emailRedirectTo: TENANT_CALLBACK } })).error).toBeNull();
    const mail = await latestMail(server, email, 'magiclink');
    const followed = await followLink(mail.action_link);
    const code = followed.query.get('code')!;
    expect(code).toMatch(/^[0-9a-f-]{36}$/);
    const { data, error } = await client.auth.exchangeCodeForSession(code);
    expect(error).toBeNull();
    expect(data.user?.id).toBe(id);
    const claims = await client.auth.getClaims();
    expect(claims.data?.claims.amr).toEqual([expect.objectContaining({ method: 'magiclink' })]);
    expect((await client.auth.exchangeCodeForSession(code)).error).not.toBeNull();
  });

  it('a PKCE code expires after the flow-state lifetime', async () => {
    const { email } = await confirmedUser('flow-expiry');
    const client = anonClient(server, 'pkce');
    await client.auth.signInWithOtp({ email });
    const code = (await followLink((await latestMail(server, email)).action_link)).query.get('code')!;
    await admin`update auth.flow_state set auth_code_issued_at = now() - interval '301 seconds' where auth_code = ${code}`;
    const { error } = await client.auth.exchangeCodeForSession(code);
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('flow_state_expired');
  });

  it('email code: verifyOtp with the 6 digits signs in once', async () => {
    const { email, id } = await confirmedUser('code');
    const client = anonClient(server);
    await client.auth.signInWithOtp({ email });
    const { otp } = await latestMail(server, email, 'magiclink');
    const first = await client.auth.verifyOtp({ email, token: otp, type: 'email' });
    expect(first.error).toBeNull();
    expect(first.data.user?.id).toBe(id);
    const second = await anonClient(server).auth.verifyOtp({ email, token: otp, type: 'email' });
    expect(second.error?.code).toBe('otp_expired');
  });

  it('signs up a new address (the confirmation mail is the magic link)', async () => {
    const email = uniqueEmail('magic-new');
    const client = anonClient(server);
    expect((await client.auth.signInWithOtp({ email, options: { data: { plan: 'free' } } })).error).toBeNull();
    const mail = await latestMail(server, email);
    expect(mail.kind).toBe('signup');
    const followed = await followLink(mail.action_link);
    const user = await client.auth.getUser(followed.fragment.get('access_token')!);
    expect(user.data.user?.email).toBe(email);
    expect(user.data.user?.user_metadata).toMatchObject({ plan: 'free', email_verified: true });
  });

  it('with shouldCreateUser false, an unknown address gets the same empty answer and no mail', async () => {
    const email = uniqueEmail('magic-unknown');
    const { data, error } = await anonClient(server).auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    expect(error).toBeNull();
    expect(data).toEqual({ user: null, session: null });
    expect(await mailsTo(server, email)).toHaveLength(0);
    const [row] = await admin`select count(*)::int as n from auth.users where email = ${email}`;
    expect(row?.n).toBe(0);
  });
});

/** A @supabase/ssr server client that keeps its cookies in `jar`. */
function cookieJarClient(jar: Map<string, string>) {
  return createServerClient(server.url, server.publishableKey, {
    cookies: {
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      setAll: (cookies) => {
        for (const { name, value, options } of cookies) {
          if (options.maxAge === 0 || value === '') jar.delete(name);
          else jar.set(name, value);
        }
      },
    },
  });
}

describe('@supabase/ssr server client', () => {
  it('runs the PKCE magic link flow through cookies and reads the user back from them', async () => {
    const { email, id } = await confirmedUser('ssr');
    const jar = new Map<string, string>();
    const cookieClient = () => cookieJarClient(jar);

    const { error } = await cookieClient().auth.signInWithOtp({ email, options: { emailRedirectTo: TENANT_CALLBACK } });
    expect(error).toBeNull();
    expect([...jar.keys()].some((name) => name.includes('code-verifier'))).toBe(true);

    const code = (await followLink((await latestMail(server, email, 'magiclink')).action_link)).query.get('code')!;
    const exchanged = await cookieClient().auth.exchangeCodeForSession(code);
    expect(exchanged.error).toBeNull();
    expect(jar.has('sb-127-auth-token')).toBe(true);

    const next = cookieClient();
    const user = await next.auth.getUser();
    expect(user.error).toBeNull();
    expect(user.data.user?.id).toBe(id);
    const claims = await next.auth.getClaims();
    expect(claims.data?.claims.sub).toBe(id);
    expect(claims.data?.header.alg).toBe('ES256');
  });

  it('signs out through cookies: the session cookie is removed and the refresh token revoked', async () => {
    const { email, password } = await signedInUser(server, 'ssr-out');
    const jar = new Map<string, string>();
    const client = () => cookieJarClient(jar);
    const signIn = await client().auth.signInWithPassword({ email, password });
    expect(signIn.error).toBeNull();
    const refreshToken = signIn.data.session!.refresh_token;
    expect(jar.size).toBeGreaterThan(0);
    expect((await client().auth.signOut({ scope: 'local' })).error).toBeNull();
    expect([...jar.keys()].filter((name) => name.startsWith('sb-127-auth-token'))).toEqual([]);
    const reuse = await anonClient(server).auth.refreshSession({ refresh_token: refreshToken });
    expect(reuse.error?.code).toBe('refresh_token_not_found');
  });
});
