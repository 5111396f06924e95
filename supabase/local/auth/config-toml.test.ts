import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authOptionsFromConfigToml, withoutPerIpLimits } from './config-toml.ts';
import { resolveConfig, authServerOptionsSchema } from './options.ts';
import { anonClient, latestMail, startTestAuthServer, tempDir, uniqueEmail, type TestAuthServer } from './test-support.ts';

function configFile(text: string): string {
  const file = path.join(tempDir('config-toml-'), 'config.toml');
  fs.writeFileSync(file, text);
  return file;
}

/** What a server started with these options would use. */
function resolved(options: ReturnType<typeof authOptionsFromConfigToml>['options']) {
  const parsed = authServerOptionsSchema.parse({ port: 0, databaseUrl: 'postgres://x', keysFile: 'k', siteUrl: 'http://localhost:3000', ...options });
  return resolveConfig(parsed, 'http://127.0.0.1:1');
}

describe('supabase/config.toml', () => {
  it("the project's file gives the auth server its settings", () => {
    const { options, notes } = authOptionsFromConfigToml();
    expect(notes).toEqual([]);
    const config = resolved(options);
    expect(config).toMatchObject({
      accessTokenExpirySeconds: 3600,
      refreshTokenReuseIntervalSeconds: 10,
      signupEnabled: true,
      passwordMinLength: 8,
      passwordRequirements: '',
      requireEmailConfirmation: true,
      secureEmailChange: true,
      otpLength: 6,
      linkExpirySeconds: 3600,
    });
    expect(config.rateLimits).toEqual({
      token: { perIp: { max: 150, windowSeconds: 300 }, perEmail: null },
      signup: { perIp: { max: 30, windowSeconds: 300 }, perEmail: { max: 1, windowSeconds: 60 } },
      otp: { perIp: { max: 30, windowSeconds: 300 }, perEmail: { max: 1, windowSeconds: 60 } },
      recover: { perIp: { max: 30, windowSeconds: 300 }, perEmail: { max: 1, windowSeconds: 60 } },
      verify: { perIp: { max: 30, windowSeconds: 300 }, perEmail: null },
      emailChange: { perIp: null, perEmail: { max: 1, windowSeconds: 60 } },
    });
  });

  it('what the file leaves out keeps the hosted default', () => {
    const config = resolved(authOptionsFromConfigToml(configFile('[auth]\nenabled = true\n')).options);
    expect(config).toMatchObject({ passwordMinLength: 6, passwordRequirements: '', requireEmailConfirmation: true, otpLength: 6 });
    expect(config.rateLimits.verify.perIp).toEqual({ max: 30, windowSeconds: 300 });
  });

  it('maps every key it knows and names the ones it does not implement', () => {
    const file = configFile(`
[auth]
jwt_expiry = 900
enable_signup = true
minimum_password_length = 10
password_requirements = "lower_upper_letters_digits_symbols"
enable_anonymous_sign_ins = true
[auth.rate_limit]
token_refresh = 20
sign_in_sign_ups = 5
token_verifications = 7
[auth.email]
enable_signup = false
enable_confirmations = false
double_confirm_changes = false
secure_password_change = true
max_frequency = "1s"
otp_length = 8
otp_expiry = 600
[auth.sessions]
timebox = "24h"
`);
    const { options, notes } = authOptionsFromConfigToml(file);
    const config = resolved(options);
    expect(config).toMatchObject({
      accessTokenExpirySeconds: 900,
      signupEnabled: false,
      passwordMinLength: 10,
      passwordRequirements: 'lower_upper_letters_digits_symbols',
      requireEmailConfirmation: false,
      secureEmailChange: false,
      otpLength: 8,
      linkExpirySeconds: 600,
    });
    expect(config.rateLimits.token.perIp).toEqual({ max: 20, windowSeconds: 300 });
    expect(config.rateLimits.otp).toEqual({ perIp: { max: 5, windowSeconds: 300 }, perEmail: { max: 1, windowSeconds: 1 } });
    expect(config.rateLimits.verify.perIp).toEqual({ max: 7, windowSeconds: 300 });
    expect(notes).toEqual([
      'config.toml sets enable_anonymous_sign_ins = true, which the local auth server does not implement.',
      'config.toml sets [auth.email] secure_password_change = true, which the local auth server does not implement.',
      'config.toml sets [auth.sessions] time limits, which the local auth server does not implement.',
    ]);
  });

  it('a value the Supabase CLI would refuse stops with the key named', () => {
    expect(() => authOptionsFromConfigToml(configFile('[auth]\npassword_requirements = "strong"\n'))).toThrow(/auth\.password_requirements: /);
    expect(() => authOptionsFromConfigToml(configFile('[auth.email]\nmax_frequency = "soon"\n'))).toThrow(
      'auth.email.max_frequency: "soon" is not a duration',
    );
    expect(() => authOptionsFromConfigToml(configFile('[auth\n'))).toThrow(/Could not read .*config\.toml/);
  });

  it('test stacks can drop the per-IP limits and keep the rest', () => {
    const relaxed = withoutPerIpLimits(authOptionsFromConfigToml().options.rateLimits);
    expect(relaxed.signup).toEqual({ perIp: null, perEmail: { max: 1, windowSeconds: 60 } });
    expect(relaxed.token).toEqual({ perIp: null });
  });
});

describe('an auth server configured from config.toml', () => {
  let server: TestAuthServer;
  beforeAll(async () => {
    const file = configFile(`
[auth]
minimum_password_length = 8
password_requirements = "lower_upper_letters_digits"
[auth.email]
enable_confirmations = true
otp_length = 8
`);
    server = await startTestAuthServer(authOptionsFromConfigToml(file).options);
  });
  afterAll(() => server.stop());

  it('refuses passwords without the required kinds of character, with GoTrue message and reasons', async () => {
    const client = anonClient(server);
    const missing = await client.auth.signUp({ email: uniqueEmail('chars'), password: 'password123' });
    expect(missing.error?.code).toBe('weak_password');
    expect((missing.error as unknown as { reasons: string[] }).reasons).toEqual(['characters']);
    expect(missing.error?.message).toBe(
      'Password should contain at least one character of each: abcdefghijklmnopqrstuvwxyz, ABCDEFGHIJKLMNOPQRSTUVWXYZ, 0123456789.',
    );
    const both = await client.auth.signUp({ email: uniqueEmail('both'), password: 'pass' });
    expect((both.error as unknown as { reasons: string[] }).reasons).toEqual(['length', 'characters']);
    const email = uniqueEmail('good');
    expect((await client.auth.signUp({ email, password: 'Password123' })).error).toBeNull();
    expect((await latestMail(server, email, 'signup')).otp).toMatch(/^\d{8}$/);
  });
});
