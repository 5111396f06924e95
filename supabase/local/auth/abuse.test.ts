import { createClient } from '@supabase/supabase-js';
import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '../../../tests/setup/admin-sql.ts';
import {
  GOOD_PASSWORD,
  adminClient,
  anonClient,
  mailsTo,
  raw,
  signedInUser,
  startTestAuthServer,
  uniqueEmail,
  useAuthServer,
  type TestAuthServer,
} from './test-support.ts';

const server = useAuthServer();
const admin = adminSql();
afterAll(() => admin.end());

async function withServer(rateLimits: Parameters<typeof startTestAuthServer>[0], run: (s: TestAuthServer) => Promise<void>) {
  const limited = await startTestAuthServer({ ...rateLimits, keysFile: server.keysFile });
  try {
    await run(limited);
  } finally {
    await limited.stop();
  }
}

describe('rate limits (429)', () => {
  it('per IP on sign-up: over_request_rate_limit', async () => {
    await withServer({ rateLimits: { signup: { perIp: { max: 2, windowSeconds: 60 } } } }, async (s) => {
      const client = anonClient(s);
      for (let i = 0; i < 2; i += 1) {
        expect((await client.auth.signUp({ email: uniqueEmail('ip'), password: GOOD_PASSWORD })).error).toBeNull();
      }
      const { error } = await client.auth.signUp({ email: uniqueEmail('ip'), password: GOOD_PASSWORD });
      expect(error?.status).toBe(429);
      expect(error?.code).toBe('over_request_rate_limit');
      expect(error?.message).toBe('Request rate limit reached');
    });
  });

  it('per IP on token: over_request_rate_limit, also for valid credentials', async () => {
    await withServer({ rateLimits: { token: { perIp: { max: 3, windowSeconds: 60 }, perEmail: null } } }, async (s) => {
      const email = uniqueEmail('tok');
      await adminClient(s).auth.admin.createUser({ email, password: GOOD_PASSWORD, email_confirm: true });
      const client = anonClient(s);
      for (let i = 0; i < 3; i += 1) await client.auth.signInWithPassword({ email, password: 'wrong-password-xyz' });
      const { error } = await client.auth.signInWithPassword({ email, password: GOOD_PASSWORD });
      expect(error?.status).toBe(429);
      expect(error?.code).toBe('over_request_rate_limit');
    });
  });

  it('per email on token: one address is throttled, another is not', async () => {
    await withServer({ rateLimits: { token: { perIp: null, perEmail: { max: 2, windowSeconds: 60 } } } }, async (s) => {
      const victim = uniqueEmail('victim');
      const client = anonClient(s);
      for (let i = 0; i < 2; i += 1) await client.auth.signInWithPassword({ email: victim, password: 'guess-number-' + i });
      expect((await client.auth.signInWithPassword({ email: victim, password: 'guess-number-3' })).error?.status).toBe(429);
      expect((await client.auth.signInWithPassword({ email: uniqueEmail('other'), password: 'x-y-z-1-2-3' })).error?.code).toBe(
        'invalid_credentials',
      );
    });
  });

  it('per email on otp and recover: over_email_send_rate_limit, the same for unknown addresses', async () => {
    await withServer({}, async (s) => {
      const { email } = await signedInUser(s, 'known');
      const unknown = uniqueEmail('unknown');
      const client = anonClient(s);
      for (const address of [email, unknown]) {
        expect((await client.auth.signInWithOtp({ email: address, options: { shouldCreateUser: false } })).error).toBeNull();
        const again = await client.auth.signInWithOtp({ email: address, options: { shouldCreateUser: false } });
        expect(again.error?.status).toBe(429);
        expect(again.error?.code).toBe('over_email_send_rate_limit');
        expect(again.error?.message).toMatch(/^For security purposes, you can only request this after \d+ seconds\.$/);

        expect((await client.auth.resetPasswordForEmail(address)).error).toBeNull();
        const second = await client.auth.resetPasswordForEmail(address);
        expect(second.error?.code).toBe('over_email_send_rate_limit');
      }
      expect(await mailsTo(s, email)).toHaveLength(2);
      expect(await mailsTo(s, unknown)).toHaveLength(0);
    });
  });

  it('per IP on otp and recover', async () => {
    await withServer({ rateLimits: { otp: { perIp: { max: 1, windowSeconds: 60 } }, recover: { perIp: { max: 1, windowSeconds: 60 } } } }, async (s) => {
      const client = anonClient(s);
      expect((await client.auth.signInWithOtp({ email: uniqueEmail('a') })).error).toBeNull();
      expect((await client.auth.signInWithOtp({ email: uniqueEmail('b') })).error?.code).toBe('over_request_rate_limit');
      expect((await client.auth.resetPasswordForEmail(uniqueEmail('c'))).error).toBeNull();
      expect((await client.auth.resetPasswordForEmail(uniqueEmail('d'))).error?.code).toBe('over_request_rate_limit');
    });
  });

  it('the default per-address limit on sign-up mails: once a minute', async () => {
    await withServer({}, async (s) => {
      const email = uniqueEmail('twice');
      const client = anonClient(s);
      expect((await client.auth.signUp({ email, password: GOOD_PASSWORD })).error).toBeNull();
      const again = await client.auth.signUp({ email, password: GOOD_PASSWORD });
      expect(again.error?.code).toBe('over_email_send_rate_limit');
      const resend = await client.auth.resend({ type: 'signup', email });
      expect(resend.error?.code).toBe('over_email_send_rate_limit');
    });
  });
});

describe('IP address forwarding (Sb-Forwarded-For)', () => {
  const limits = { token: { perIp: { max: 2, windowSeconds: 60 }, perEmail: null } };
  const from = (s: TestAuthServer, key: string, ip: string) =>
    createClient(s.url, key, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: { headers: { 'sb-forwarded-for': ip } },
    }).auth;
  const wrongPassword = (auth: ReturnType<typeof from>) => auth.signInWithPassword({ email: uniqueEmail('fwd'), password: 'wrong-password-xyz' });

  it("with the secret key and forwarding on: each end user's IP has its own per-IP budget, and sessions record it", async () => {
    await withServer({ rateLimits: limits, sbForwardedForEnabled: true }, async (s) => {
      const first = from(s, s.secretKey, '203.0.113.7');
      for (let i = 0; i < 2; i += 1) expect((await wrongPassword(first)).error?.code).toBe('invalid_credentials');
      expect((await wrongPassword(first)).error?.code).toBe('over_request_rate_limit');
      // Only the first value counts, as in GoTrue; another end user is not affected.
      expect((await wrongPassword(from(s, s.secretKey, '198.51.100.8, 203.0.113.7'))).error?.code).toBe('invalid_credentials');

      const email = uniqueEmail('fwd-session');
      await adminClient(s).auth.admin.createUser({ email, password: GOOD_PASSWORD, email_confirm: true });
      const { data } = await from(s, s.secretKey, '2001:db8::42').signInWithPassword({ email, password: GOOD_PASSWORD });
      const [row] = await admin`select host(ip) as ip from auth.sessions where user_id = ${data.user!.id}`;
      expect(row?.ip).toBe('2001:db8::42');
    });
  });

  it('is ignored with the publishable key, when forwarding is off, and when the value is not an IP', async () => {
    await withServer({ rateLimits: limits, sbForwardedForEnabled: true }, async (s) => {
      for (const ip of ['203.0.113.1', '203.0.113.2']) await wrongPassword(from(s, s.publishableKey, ip));
      expect((await wrongPassword(from(s, s.publishableKey, '203.0.113.3'))).error?.code).toBe('over_request_rate_limit');
    });
    await withServer({ rateLimits: limits }, async (s) => {
      for (const ip of ['203.0.113.1', '203.0.113.2']) await wrongPassword(from(s, s.secretKey, ip));
      expect((await wrongPassword(from(s, s.secretKey, '203.0.113.3'))).error?.code).toBe('over_request_rate_limit');
    });
    await withServer({ rateLimits: limits, sbForwardedForEnabled: true }, async (s) => {
      for (const ip of ['not-an-ip', 'unknown']) await wrongPassword(from(s, s.secretKey, ip));
      expect((await wrongPassword(from(s, s.secretKey, 'garbage'))).error?.code).toBe('over_request_rate_limit');
    });
  });
});

const MALFORMED_BODIES = ['{"email":', '', '[]', '"text"', '42', 'nul', '{"email":"a@b.co",}'];
const WRONG_TYPES = [
  '{"email":123,"password":"long-enough-pass"}',
  '{"email":"a@example.com","password":true}',
  '{"email":"a@example.com","password":"long-enough-pass","data":[1,2]}',
  '{"email":{"$ne":null}}',
  '{"email":"a@example.com","create_user":"yes"}',
  '{"refresh_token":["x"]}',
  '{"auth_code":1,"code_verifier":2}',
  '{"type":7,"token":"123456","email":"a@example.com"}',
  '{"user_metadata":"admin","email":"a@example.com"}',
  '{"should_soft_delete":"yes"}',
];
const NONSENSE_VALUES = [
  'null',
  '{}',
  '{"email":"not an email","password":"x"}',
  '{"email":"a@example.com","password":"\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000"}',
  `{"email":"${'a'.repeat(300)}@example.com","password":"long-enough-pass"}`,
  '{"email":"a@example.com","code_challenge":"short","code_challenge_method":"s256"}',
  '{"email":"a@example.com","code_challenge_method":"md5","code_challenge":"' + 'a'.repeat(50) + '"}',
  '{"type":"signup","token_hash":"deadbeef","email":"a@example.com"}',
  '{"type":"nope","token":"1","email":"a@example.com"}',
  '{"ban_duration":"forever"}',
  '{"type":"signup","email":"a@example.com"}',
  '{"type":"signup","token_hash":"\\u0000"}',
  '{"refresh_token":"\\u0000","auth_code":"\\u0000","code_verifier":"x"}',
  '{"email":"a@example.com","password":"long-enough-pass","data":{"k\\u0000":"v"},"user_metadata":{"a":"\\u0000"}}',
  '{"email":"a@example.com","data":' + '{"a":'.repeat(200) + '1' + '}'.repeat(200) + '}',
  '{"id":"------------------------------------","email":"a@example.com","role":"' + 'r'.repeat(300) + '"}',
  '{"ban_duration":"99999999999h"}',
];

describe('malformed requests are 4xx, never 5xx', () => {
  const targets: { method: string; path: string; key?: 'secret'; auth?: boolean }[] = [
    { method: 'POST', path: '/signup' },
    { method: 'POST', path: '/token?grant_type=password' },
    { method: 'POST', path: '/token?grant_type=refresh_token' },
    { method: 'POST', path: '/token?grant_type=pkce' },
    { method: 'POST', path: '/otp' },
    { method: 'POST', path: '/recover' },
    { method: 'POST', path: '/resend' },
    { method: 'POST', path: '/verify' },
    { method: 'PUT', path: '/user', auth: true },
    { method: 'POST', path: '/invite', key: 'secret' },
    { method: 'POST', path: '/admin/users', key: 'secret' },
    { method: 'PUT', path: '/admin/users/:id', key: 'secret' },
    { method: 'DELETE', path: '/admin/users/:id', key: 'secret' },
    { method: 'POST', path: '/admin/generate_link', key: 'secret' },
  ];

  it('bad JSON syntax is 400 bad_json on every endpoint that takes a body', async () => {
    const { session, userId } = await signedInUser(server, 'malformed');
    for (const target of targets) {
      for (const body of MALFORMED_BODIES) {
        // DELETE /admin/users/:id without a body is a plain (hard) delete, as with supabase-js's default.
        if (target.method === 'DELETE' && body === '') continue;
        const response = await raw(server, target.method, target.path.replace(':id', userId), {
          body,
          key: target.key,
          headers: target.auth ? { Authorization: `Bearer ${session.access_token}` } : {},
        });
        expect({ target: target.path, body, status: response.status, code: response.body?.code }).toEqual({
          target: target.path,
          body,
          status: 400,
          code: 'bad_json',
        });
      }
    }
  });

  it('values of the wrong JSON type are 400 bad_json where the endpoint reads them', async () => {
    const { session, userId } = await signedInUser(server, 'types');
    const checked: string[] = [];
    for (const target of targets) {
      for (const body of WRONG_TYPES) {
        const response = await raw(server, target.method, target.path.replace(':id', userId), {
          body,
          key: target.key,
          headers: target.auth ? { Authorization: `Bearer ${session.access_token}` } : {},
        });
        // Fields an endpoint does not read are ignored (as Go's decoder does); none of this may be a 5xx.
        expect(response.status, `${target.method} ${target.path} ${body}`).toBeLessThan(500);
        if (response.body?.code === 'bad_json') checked.push(`${target.path} ${body}`);
      }
    }
    // Each wrong-typed field is caught on the endpoint that reads it.
    expect(checked).toEqual(
      expect.arrayContaining([
        '/signup {"email":123,"password":"long-enough-pass"}',
        '/signup {"email":"a@example.com","password":true}',
        '/signup {"email":"a@example.com","password":"long-enough-pass","data":[1,2]}',
        '/otp {"email":"a@example.com","create_user":"yes"}',
        '/token?grant_type=refresh_token {"refresh_token":["x"]}',
        '/token?grant_type=pkce {"auth_code":1,"code_verifier":2}',
        '/verify {"type":7,"token":"123456","email":"a@example.com"}',
        '/admin/users {"user_metadata":"admin","email":"a@example.com"}',
        '/admin/users/:id {"should_soft_delete":"yes"}',
      ]),
    );
  });

  it('well-formed nonsense is a 4xx validation error', async () => {
    const { session, userId } = await signedInUser(server, 'nonsense');
    for (const target of targets) {
      for (const body of NONSENSE_VALUES) {
        const response = await raw(server, target.method, target.path.replace(':id', userId), {
          body,
          key: target.key,
          headers: target.auth ? { Authorization: `Bearer ${session.access_token}` } : {},
        });
        expect(response.status, `${target.method} ${target.path} ${body} -> ${JSON.stringify(response.body)}`).toBeLessThan(500);
      }
    }
  });

  it('odd query strings and paths are 4xx too', async () => {
    const checks = [
      await raw(server, 'POST', '/token?grant_type=client_credentials', { body: '{}' }),
      await raw(server, 'POST', '/token', { body: '{}' }),
      await raw(server, 'GET', '/verify?type=signup'),
      await raw(server, 'GET', '/verify?token=abc'),
      await raw(server, 'GET', '/admin/users/not-a-uuid', { key: 'secret' }),
      await raw(server, 'GET', '/admin/users?per_page=-1', { key: 'secret' }),
      await raw(server, 'GET', '/user', { headers: { Authorization: 'Bearer not.a.jwt' } }),
      await raw(server, 'GET', '/user', { headers: { Authorization: 'Basic abc' } }),
      await raw(server, 'GET', '/factors'),
      await raw(server, 'DELETE', '/signup'),
      await raw(server, 'GET', '/admin/users/%E0%A4%A', { key: 'secret' }),
      await raw(server, 'GET', '/admin/users?page=99999999999999999999', { key: 'secret' }),
      await raw(server, 'GET', '/verify?type=signup&token=%00'),
    ];
    for (const check of checks) {
      expect(check.status).toBeGreaterThanOrEqual(400);
      expect(check.status).toBeLessThan(500);
    }
    const broken = await fetch(`${server.url}/auth/v1/verify?type=nope&token=abc&redirect_to=http://localhost:3000/cb`, { redirect: 'manual' });
    expect(broken.status).toBe(303);
    expect(broken.headers.get('location')).toContain('error_code=validation_failed');
  });

  it('logged no unexpected server error for any of the above', () => {
    expect(server.logs.filter((line) => line.includes(' failed: '))).toEqual([]);
  });

  it('a body over 1 MB is refused with 413', async () => {
    const response = await raw(server, 'POST', '/signup', { body: JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(1_100_000) }) });
    expect(response.status).toBe(413);
  });
});
