import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { closeSql, withServiceRole } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { enforceRateLimit, recordRateLimitFailure } from './limiter';
import { RATE_LIMITS } from './limits';

const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

// Fresh addresses and accounts per test: the counters are shared by the whole run, as by every app instance.
const ip = () => `198.18.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;
const email = (label: string) => `${label}-${crypto.randomBytes(4).toString('hex')}@Example.com`;

async function refusal(run: () => Promise<void>): Promise<AppError | null> {
  try {
    await run();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

const waitOf = (error: AppError | null) => (error?.details as { retryAfterSeconds: number } | undefined)?.retryAfterSeconds;

describe('rate limits in Postgres', () => {
  it('per IP: the 51st sign-in attempt in 5 minutes is refused with the real wait; another IP is not', async () => {
    const flooder = ip();
    for (let i = 0; i < 50; i += 1) await enforceRateLimit('sign_in', { ip: flooder, account: email('random') });
    const refused = await refusal(() => enforceRateLimit('sign_in', { ip: flooder, account: email('random') }));
    expect(refused?.code).toBe('rate_limited');
    expect(refused?.status).toBe(429);
    expect(waitOf(refused)).toBeGreaterThan(240);
    expect(waitOf(refused)).toBeLessThanOrEqual(300);
    expect(refused?.message).toBe('Too many sign-in attempts. Try again in 5 minutes.');
    // A flood of random emails locks out that client only: nobody else, no account.
    expect(await refusal(() => enforceRateLimit('sign_in', { ip: ip(), account: email('random') }))).toBeNull();
  });

  it("per account and IP: one client's wrong passwords lock that client out of the account, not its owner elsewhere", async () => {
    const attacker = ip();
    const owner = ip();
    const victim = email('victim');
    for (let i = 0; i < 10; i += 1) {
      await enforceRateLimit('sign_in', { ip: attacker, account: victim });
      await recordRateLimitFailure('sign_in', { ip: attacker, account: victim.toUpperCase() });
    }
    const refused = await refusal(() => enforceRateLimit('sign_in', { ip: attacker, account: victim }));
    expect(refused?.message).toMatch(/^Too many sign-in attempts\. Try again in 1[45] minutes\.$/);
    expect(waitOf(refused)).toBeLessThanOrEqual(900);
    expect(await refusal(() => enforceRateLimit('sign_in', { ip: owner, account: victim }))).toBeNull();
    expect(await refusal(() => enforceRateLimit('sign_in', { ip: attacker, account: email('other') }))).toBeNull();
  });

  it('per account: failures from many addresses reach the account-wide ceiling', async () => {
    const victim = email('ceiling');
    for (let n = 0; n < 10; n += 1) {
      const from = ip();
      for (let i = 0; i < 10; i += 1) await recordRateLimitFailure('sign_in', { ip: from, account: victim });
    }
    const refused = await refusal(() => enforceRateLimit('sign_in', { ip: ip(), account: victim }));
    expect(refused?.code).toBe('rate_limited');
    expect(waitOf(refused)).toBeLessThanOrEqual(3600);
  });

  it('per account on email-sending actions: the owner still has room when one client used its share', async () => {
    const target = email('reset');
    const attacker = ip();
    for (let i = 0; i < 5; i += 1) await enforceRateLimit('password_reset', { ip: attacker, account: target });
    expect((await refusal(() => enforceRateLimit('password_reset', { ip: attacker, account: target })))?.message).toMatch(
      /^Too many password reset requests\. Try again in (59 minutes|1 hour)\.$/,
    );
    expect(await refusal(() => enforceRateLimit('password_reset', { ip: ip(), account: target }))).toBeNull();
  });

  it('an unknown client IP skips the rules keyed on it, never sharing one bucket', async () => {
    const account = crypto.randomUUID();
    for (let i = 0; i < 10; i += 1) await enforceRateLimit('create_organization', { ip: null, account });
    expect((await refusal(() => enforceRateLimit('create_organization', { ip: null, account })))?.code).toBe('rate_limited');
    expect(await refusal(() => enforceRateLimit('create_organization', { ip: null, account: crypto.randomUUID() }))).toBeNull();
  });

  it('a new window starts once the old one has ended; ended windows are pruned', async () => {
    const from = ip();
    const max = RATE_LIMITS.slug_check.rules[0].max;
    const hit = () =>
      withServiceRole('test', (tx) => tx<{ allowed: boolean; hits: number }[]>`
        select allowed, hits from private.rate_limit_hit('slug_check:ip', ${from}, ${max}, 300)`);
    for (let i = 0; i < max; i += 1) await hit();
    expect((await hit())[0]).toEqual({ allowed: false, hits: max + 1 });
    const hash = crypto.createHash('sha256').update(from).digest();
    await admin`update private.rate_limit_counters set window_ends_at = now() - interval '1 second'
                where bucket = 'slug_check:ip' and subject_hash = ${hash}`;
    expect((await hit())[0]).toEqual({ allowed: true, hits: 1 });
    await admin`update private.rate_limit_counters set window_ends_at = now() - interval '1 second'
                where bucket = 'slug_check:ip' and subject_hash = ${hash}`;
    const [pruned] = await withServiceRole('test', (tx) => tx<{ n: number }[]>`select private.rate_limit_prune() as n`);
    expect(pruned?.n).toBeGreaterThanOrEqual(1);
    expect(await admin`select 1 from private.rate_limit_counters where subject_hash = ${hash}`).toHaveLength(0);
  });

  it('only the service role can count, and nobody reads the counters directly', async () => {
    for (const role of ['anon', 'authenticated']) {
      const call = admin.begin(async (tx) => {
        await tx.unsafe(`set local role ${role}`);
        await tx`select * from private.rate_limit_hit('sign_in:ip', '203.0.113.1', 1, 60)`;
      });
      await expect(call, role).rejects.toThrow(/permission denied/);
    }
    for (const role of ['anon', 'authenticated', 'service_role']) {
      const read = admin.begin(async (tx) => {
        await tx.unsafe(`set local role ${role}`);
        await tx`select count(*) from private.rate_limit_counters`;
      });
      await expect(read, role).rejects.toThrow(/permission denied/);
    }
  });

  it('refuses malformed rules instead of counting them', async () => {
    const bad = (bucket: string, subject: string, max: number, window: number) =>
      withServiceRole('test', (tx) => tx`select * from private.rate_limit_hit(${bucket}, ${subject}, ${max}, ${window})`);
    await expect(bad('Sign In', 'x', 1, 60)).rejects.toThrow(/bucket/);
    await expect(bad('sign_in:ip', '', 1, 60)).rejects.toThrow(/subject/);
    await expect(bad('sign_in:ip', 'x', 0, 60)).rejects.toThrow(/max/);
    await expect(bad('sign_in:ip', 'x', 1, 90_000)).rejects.toThrow(/window/);
  });
});
