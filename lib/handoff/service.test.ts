import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { createUser } from '@/tests/setup/fixtures';
import { closeSql, withRls } from '@/lib/db';
import { hashSecretToken } from '@/lib/crypto/secret-token';
import { consumeHandoffCode, createHandoffCode } from '@/lib/handoff/service';

const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

describe('handoff codes', () => {
  it('hand one user to one host, once, and are stored hashed', async () => {
    const user = await createUser(admin);
    const { code, expiresAt } = await createHandoffCode({ userId: user.id, targetHost: 'Acme.localhost:3000' });
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    const [row] = await admin`select code_hash, target_host from public.handoff_codes where user_id = ${user.id}`;
    expect(row).toEqual({ code_hash: hashSecretToken(code), target_host: 'acme.localhost:3000' });
    expect(await consumeHandoffCode({ code, host: 'acme.localhost:3000' })).toEqual({ userId: user.id });
    await expect(consumeHandoffCode({ code, host: 'acme.localhost:3000' })).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('a code tried on another host is burnt', async () => {
    const user = await createUser(admin);
    const { code } = await createHandoffCode({ userId: user.id, targetHost: 'acme.localhost:3000' });
    await expect(consumeHandoffCode({ code, host: 'evil.localhost:3000' })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(consumeHandoffCode({ code, host: 'acme.localhost:3000' })).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('expires after 60 seconds and rejects garbage alike', async () => {
    const user = await createUser(admin);
    const { code } = await createHandoffCode({ userId: user.id, targetHost: 'acme.localhost:3000' });
    await admin`update public.handoff_codes set created_at = now() - interval '61 seconds', expires_at = now() - interval '1 second'
                where code_hash = ${hashSecretToken(code)}`;
    await expect(consumeHandoffCode({ code, host: 'acme.localhost:3000' })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(consumeHandoffCode({ code: 'x'.repeat(43), host: 'acme.localhost:3000' })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(consumeHandoffCode({ code: "'; --", host: '' })).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('cannot be made longer-lived than 60 seconds, nor read by the user', async () => {
    const user = await createUser(admin);
    await expect(
      admin`insert into public.handoff_codes (code_hash, user_id, target_host, expires_at)
            values (${'b'.repeat(64)}, ${user.id}, 'acme.localhost', now() + interval '1 hour')`,
    ).rejects.toThrow(/handoff_codes_short_lived/);
    await expect(withRls(user.claims, (tx) => tx`select * from public.handoff_codes`)).rejects.toThrow(/permission denied/);
  });
});
