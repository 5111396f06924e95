import crypto from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSql, withRls } from '../../../lib/db/index.ts';
import { adminSql } from '../../../tests/setup/admin-sql.ts';
import { GOOD_PASSWORD, adminClient, anonClient, signedInUser, startTestAuthServer, uniqueEmail, useAuthServer } from './test-support.ts';

const server = useAuthServer();
const admin = adminSql();

afterAll(async () => {
  await admin.end();
  await closeSql();
});

describe('refresh tokens', () => {
  it('rotate on every use; the old token is revoked and points to its successor', async () => {
    const { client, session } = await signedInUser(server, 'rotate');
    const first = session.refresh_token;
    const { data, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    const second = data.session!.refresh_token;
    expect(second).not.toBe(first);
    expect(data.session!.access_token).not.toBe(session.access_token);
    const rows = await admin`select token, revoked, parent from auth.refresh_tokens where token in (${first}, ${second}) order by id`;
    expect(rows).toEqual([
      { token: first, revoked: true, parent: null },
      { token: second, revoked: false, parent: first },
    ]);
  });

  it('forgives reuse within the 10 s window by returning the current token', async () => {
    const { client, session } = await signedInUser(server, 'window');
    const rotated = await client.auth.refreshSession();
    const current = rotated.data.session!.refresh_token;
    const replay = await anonClient(server).auth.refreshSession({ refresh_token: session.refresh_token });
    expect(replay.error).toBeNull();
    expect(replay.data.session?.refresh_token).toBe(current);
  });

  it('treats reuse after the window as theft: the whole session is revoked', async () => {
    const { client, session } = await signedInUser(server, 'reuse');
    const rotated = await client.auth.refreshSession();
    const current = rotated.data.session!.refresh_token;
    await admin`update auth.refresh_tokens set updated_at = now() - interval '11 seconds' where token = ${session.refresh_token}`;

    const attacker = await anonClient(server).auth.refreshSession({ refresh_token: session.refresh_token });
    expect(attacker.error?.status).toBe(400);
    expect(attacker.error?.code).toBe('refresh_token_already_used');
    expect(attacker.error?.message).toBe('Invalid Refresh Token: Already Used');

    const owner = await anonClient(server).auth.refreshSession({ refresh_token: current });
    expect(owner.error?.code).toBe('refresh_token_already_used');
    const sessionId = await sessionIdOf(rotated.data.session!.access_token);
    const live = await admin`select 1 from auth.refresh_tokens where session_id = ${sessionId} and not revoked`;
    expect(live).toHaveLength(0);
  });

  it('rejects an unknown refresh token', async () => {
    const { error } = await anonClient(server).auth.refreshSession({ refresh_token: 'no-such-token' });
    expect(error?.code).toBe('refresh_token_not_found');
  });
});

async function sessionIdOf(accessToken: string): Promise<string> {
  const { payload } = await jwtVerify(accessToken, createRemoteJWKSet(new URL(server.jwksUrl)));
  return String(payload.session_id);
}

async function signInAgain(email: string) {
  const client = anonClient(server);
  const { data, error } = await client.auth.signInWithPassword({ email, password: GOOD_PASSWORD });
  if (error) throw error;
  return { client, session: data.session! };
}

describe('sign-out scopes', () => {
  it('others: ends every other session and keeps this one', async () => {
    const a = await signedInUser(server, 'others');
    const b = await signInAgain(a.email);
    const c = await signInAgain(a.email);
    expect((await a.client.auth.signOut({ scope: 'others' })).error).toBeNull();
    for (const other of [b, c]) {
      const refreshed = await anonClient(server).auth.refreshSession({ refresh_token: other.session.refresh_token });
      expect(refreshed.error?.code).toBe('refresh_token_not_found');
      const user = await anonClient(server).auth.getUser(other.session.access_token);
      expect(user.error?.name).toBe('AuthSessionMissingError');
    }
    expect((await a.client.auth.getUser()).error).toBeNull();
    expect((await a.client.auth.refreshSession()).error).toBeNull();
  });

  it('local: ends only this session', async () => {
    const a = await signedInUser(server, 'local');
    const b = await signInAgain(a.email);
    const accessToken = a.session.access_token;
    expect((await a.client.auth.signOut({ scope: 'local' })).error).toBeNull();
    expect((await a.client.auth.getSession()).data.session).toBeNull();
    const refreshed = await anonClient(server).auth.refreshSession({ refresh_token: a.session.refresh_token });
    expect(refreshed.error?.code).toBe('refresh_token_not_found');
    const raw = await fetch(`${server.url}/auth/v1/user`, {
      headers: { apikey: server.publishableKey, Authorization: `Bearer ${accessToken}`, 'X-Supabase-Api-Version': '2024-01-01' },
    });
    expect(raw.status).toBe(403);
    expect(await raw.json()).toEqual({ code: 'session_not_found', message: 'Session from session_id claim in JWT does not exist' });
    expect((await b.client.auth.getUser()).error).toBeNull();
  });

  it('global (the default): ends every session of the user', async () => {
    const a = await signedInUser(server, 'global');
    const b = await signInAgain(a.email);
    expect((await a.client.auth.signOut()).error).toBeNull();
    for (const token of [a.session.refresh_token, b.session.refresh_token]) {
      expect((await anonClient(server).auth.refreshSession({ refresh_token: token })).error?.code).toBe('refresh_token_not_found');
    }
    const [row] = await admin`select count(*)::int as n from auth.sessions where user_id = ${a.userId}`;
    expect(row?.n).toBe(0);
  });

  it('rejects an unknown scope with validation_failed', async () => {
    const { session } = await signedInUser(server, 'scope');
    const response = await fetch(`${server.url}/auth/v1/logout?scope=everywhere`, {
      method: 'POST',
      headers: { apikey: server.publishableKey, Authorization: `Bearer ${session.access_token}`, 'X-Supabase-Api-Version': '2024-01-01' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('validation_failed');
  });
});

describe('access tokens', () => {
  it('verify against the published JWKS with jose and carry GoTrue claims', async () => {
    const { session, userId, email } = await signedInUser(server, 'jwks');
    const jwks = createRemoteJWKSet(new URL(server.jwksUrl));
    const { payload, protectedHeader } = await jwtVerify(session.access_token, jwks, {
      issuer: `${server.url}/auth/v1`,
      audience: 'authenticated',
      algorithms: ['ES256'],
    });
    const published = (await (await fetch(server.jwksUrl)).json()) as { keys: { kid: string; alg: string; kty: string; crv: string; d?: string }[] };
    expect(published.keys).toHaveLength(1);
    expect(published.keys[0]).toMatchObject({ kid: protectedHeader.kid, alg: 'ES256', kty: 'EC', crv: 'P-256' });
    expect(published.keys[0]?.d).toBeUndefined();
    expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    expect(payload).toMatchObject({
      sub: userId,
      email,
      phone: '',
      role: 'authenticated',
      aal: 'aal1',
      is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: expect.any(Object),
      amr: [{ method: 'password', timestamp: expect.any(Number) }],
      session_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it('a tampered or foreign token is refused with bad_jwt', async () => {
    const { session } = await signedInUser(server, 'tamper');
    const [head, body, signature] = session.access_token.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, unknown>;
    const forged = [head, Buffer.from(JSON.stringify({ ...claims, role: 'service_role' })).toString('base64url'), signature].join('.');
    const { error } = await anonClient(server).auth.getUser(forged);
    expect(error?.status).toBe(403);
    expect(error?.code).toBe('bad_jwt');
    expect(decodeProtectedHeader(forged).alg).toBe('ES256');
  });

  it('an expired token is refused', async () => {
    const short = await startTestAuthServer({ accessTokenExpirySeconds: 1, keysFile: server.keysFile });
    try {
      const email = uniqueEmail('expiry');
      await adminClient(short).auth.admin.createUser({ email, password: GOOD_PASSWORD, email_confirm: true });
      const { data } = await anonClient(short).auth.signInWithPassword({ email, password: GOOD_PASSWORD });
      expect(data.session?.expires_in).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const { error } = await anonClient(short).auth.getUser(data.session!.access_token);
      expect(error?.code).toBe('bad_jwt');
      expect(error?.message).toContain('token is expired');
    } finally {
      await short.stop();
    }
  });

  it('works with withRls: auth.uid() is the user and RLS sees app_metadata', async () => {
    const orgId = crypto.randomUUID();
    const email = uniqueEmail('rls');
    const created = await adminClient(server).auth.admin.createUser({
      email,
      password: GOOD_PASSWORD,
      email_confirm: true,
      app_metadata: { org_id: orgId },
    });
    const userId = created.data.user!.id;
    const { data } = await anonClient(server).auth.signInWithPassword({ email, password: GOOD_PASSWORD });
    const { payload } = await jwtVerify(data.session!.access_token, createRemoteJWKSet(new URL(server.jwksUrl)));
    const claims = { ...payload, role: 'authenticated' as const, sub: String(payload.sub) };

    const [row] = await withRls(claims, (tx) => tx`select auth.uid() as uid, auth.jwt() ->> 'email' as email, current_user as usr`);
    expect(row).toEqual({ uid: userId, email, usr: 'authenticated' });
    const [meta] = await withRls(claims, (tx) => tx`select auth.jwt() -> 'app_metadata' ->> 'org_id' as org_id`);
    expect(meta?.org_id).toBe(orgId);
  });
});
