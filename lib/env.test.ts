import { describe, expect, it } from 'vitest';
import { EnvError, parseServerEnv } from './env';

const valid = {
  DATABASE_URL: 'postgres://authenticator:pw@127.0.0.1:54322/postgres',
  NEXT_PUBLIC_SUPABASE_URL: 'http://127.0.0.1:54321',
  NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: 'sb_publishable_x1234567890',
  SUPABASE_SECRET_KEY: 'sb_secret_x1234567890',
};

describe('server environment', () => {
  it('parses valid values and fills defaults', () => {
    const env = parseServerEnv(valid);
    expect(env.DATABASE_POOL_MAX).toBe(10);
    expect(env.NEXT_PUBLIC_ROOT_DOMAIN).toBe('localhost:3000');
    expect(env.TRUSTED_PROXIES.kind).toBe('none');
    expect(parseServerEnv({ ...valid, TRUSTED_PROXIES: '10.0.0.0/8' }).TRUSTED_PROXIES.kind).toBe('proxies');
  });

  it('names a missing variable', () => {
    expect(() => parseServerEnv({})).toThrow(EnvError);
    expect(() => parseServerEnv({})).toThrow(/DATABASE_URL: is missing/);
    expect(() => parseServerEnv({ ...valid, SUPABASE_SECRET_KEY: undefined })).toThrow(/SUPABASE_SECRET_KEY: is missing/);
  });

  it.each([
    [{ ...valid, DATABASE_URL: 'mysql://x@y/z' }, /DATABASE_URL: must start with postgres/],
    [{ ...valid, DATABASE_URL: 'not a url' }, /DATABASE_URL: must be a URL/],
    [{ ...valid, NEXT_PUBLIC_SUPABASE_URL: 'localhost' }, /NEXT_PUBLIC_SUPABASE_URL: must be the Supabase project URL/],
    [{ ...valid, DATABASE_POOL_MAX: 'lots' }, /DATABASE_POOL_MAX/],
    [{ ...valid, NEXT_PUBLIC_ROOT_DOMAIN: 'https://Example.com/' }, /NEXT_PUBLIC_ROOT_DOMAIN: must be a host name/],
    [{ ...valid, LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ ...valid, TRUSTED_PROXIES: 'my-load-balancer' }, /TRUSTED_PROXIES: must be none, vercel, or addresses/],
  ])('names a malformed variable (%o)', (input, message) => {
    expect(() => parseServerEnv(input)).toThrow(message);
  });

  it('needs the Inngest keys in production unless INNGEST_DEV points at a dev server', () => {
    const production = { ...valid, NODE_ENV: 'production' };
    expect(() => parseServerEnv(production)).toThrow(/INNGEST_EVENT_KEY: is required in production[\s\S]*INNGEST_SIGNING_KEY: is required/);
    expect(parseServerEnv({ ...production, INNGEST_DEV: '1', INNGEST_BASE_URL: 'http://127.0.0.1:8288' }).INNGEST_DEV).toBe('1');
    const cloud = { ...production, INNGEST_EVENT_KEY: 'evt-key', INNGEST_SIGNING_KEY: 'signkey-prod-0123abcd' };
    expect(parseServerEnv(cloud).INNGEST_SIGNING_KEY).toBe('signkey-prod-0123abcd');
    expect(() => parseServerEnv({ ...cloud, INNGEST_SIGNING_KEY: 'secret' })).toThrow(/INNGEST_SIGNING_KEY: must be a signing key/);
    expect(() => parseServerEnv({ ...valid, INNGEST_DEV: 'yes' })).toThrow(/INNGEST_DEV: must be 1, 0, true, false or a dev server URL/);
    expect(() => parseServerEnv({ ...valid, INNGEST_BASE_URL: '8288' })).toThrow(/INNGEST_BASE_URL/);
  });

  it('says where to fix it', () => {
    expect(() => parseServerEnv({})).toThrow(/\.env\.local.*\.env\.example/s);
  });
});
