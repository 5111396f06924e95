import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { generateApiKey, loadOrCreateKeys } from './keys.ts';
import { startAuthServer } from './server.ts';
import { GOOD_PASSWORD, adminClient, anonClient, startTestAuthServer, tempDir, uniqueEmail } from './test-support.ts';

const tempFile = () => path.join(tempDir('tenantforge-keys-'), 'nested', 'auth-keys.json');

describe('keys file', () => {
  it('is created on first start (mode 0600) and reused afterwards', async () => {
    const file = tempFile();
    const first = await loadOrCreateKeys(file);
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect(first.publishableKey).toMatch(/^sb_publishable_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{8}$/);
    expect(first.secretKey).toMatch(/^sb_secret_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{8}$/);
    const second = await loadOrCreateKeys(file);
    expect(second.kid).toBe(first.kid);
    expect(second.publishableKey).toBe(first.publishableKey);
    expect(second.secretKey).toBe(first.secretKey);
    expect(second.publicJwk).toEqual(first.publicJwk);
  });

  it('refuses a damaged file without overwriting it', async () => {
    const file = tempFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"version": 1, "oops": true}');
    await expect(loadOrCreateKeys(file)).rejects.toThrow(/unexpected shape.*Nothing was changed/);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"version": 1, "oops": true}');
  });

  it('makes distinct keys per kind', () => {
    expect(generateApiKey('publishable')).not.toBe(generateApiKey('publishable'));
  });

  it('keeps API keys and signing key across server restarts: old tokens still verify', async () => {
    const first = await startTestAuthServer();
    const email = uniqueEmail('restart');
    await adminClient(first).auth.admin.createUser({ email, password: GOOD_PASSWORD, email_confirm: true });
    const { data } = await anonClient(first).auth.signInWithPassword({ email, password: GOOD_PASSWORD });
    await first.stop();

    const second = await startTestAuthServer({ keysFile: first.keysFile });
    try {
      expect(second.publishableKey).toBe(first.publishableKey);
      expect(second.secretKey).toBe(first.secretKey);
      const user = await anonClient(second).auth.getUser(data.session!.access_token);
      expect(user.error).toBeNull();
      expect(user.data.user?.email).toBe(email);
      const refreshed = await anonClient(second).auth.refreshSession({ refresh_token: data.session!.refresh_token });
      expect(refreshed.error).toBeNull();
    } finally {
      await second.stop();
    }
  });

  it('fails clearly when the port is taken', async () => {
    const first = await startTestAuthServer();
    try {
      const port = Number(new URL(first.url).port);
      await expect(
        startAuthServer({ port, databaseUrl: inject('databaseAuthUrl'), keysFile: first.keysFile, siteUrl: 'http://localhost:3000' }),
      ).rejects.toThrow(/already in use/);
    } finally {
      await first.stop();
    }
  });
});
