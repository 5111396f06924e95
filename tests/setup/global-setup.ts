import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalInngest } from '../../inngest/local/server.ts';
import { authOptionsFromConfigToml, withoutPerIpLimits } from '../../supabase/local/auth/config-toml.ts';
import { startAuthServer } from '../../supabase/local/auth/server.ts';
import { startLocalDatabase } from '../../supabase/local/database.ts';
import { findFreePort } from '../../supabase/local/ports.ts';
import { startNotificationReceiver } from '../../scripts/stack/notification-receiver.ts';
import { generateSecretKey } from '../../lib/crypto/secret-box.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    databaseUrl: string;
    databaseAuthUrl: string;
    databaseRealtimeUrl: string;
    /** The auth server's keys file: tests mint access tokens with its signing key. */
    authKeysFile: string;
    supabaseUrl: string;
    supabasePublishableKey: string;
    supabaseSecretKey: string;
    inngestUrl: string;
    /** The local Slack/webhook receiver (scripts/stack/notification-receiver.ts) and its host:port. */
    receiverUrl: string;
    receiverHost: string;
    /** SECRETS_ENCRYPTION_KEYS for this run. */
    secretsEncryptionKeys: string;
  }
}

/**
 * Starts one fresh embedded Postgres for the whole run (bootstrapped, migrated,
 * seeded) in a temporary folder on a free port, the local auth server on it (configured
 * from supabase/config.toml, with Realtime at the same URL) and the local Inngest
 * executor (so app code that sends events works); removes them afterwards. Suites that
 * need their own auth settings or executor start their own.
 */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantforge-test-pg-'));
  fs.rmSync(dataDir, { recursive: true });
  const port = await findFreePort();
  const db = await startLocalDatabase({ dataDir, port }).catch((error: unknown) => {
    throw withoutStack(error);
  });
  project.provide('databaseAdminUrl', db.adminUrl);
  project.provide('databaseUrl', db.appUrl);
  project.provide('databaseAuthUrl', db.authUrl);
  project.provide('databaseRealtimeUrl', db.realtimeUrl);
  project.provide('authKeysFile', `${dataDir}-auth-keys.json`);
  // The project's supabase/config.toml, as `npm run dev` uses it; per-IP limits off because
  // every test's requests come from 127.0.0.1 (the auth server suites test those limits).
  const config = authOptionsFromConfigToml().options;
  const auth = await startAuthServer({
    ...config,
    rateLimits: withoutPerIpLimits(config.rateLimits),
    port: await findFreePort(),
    databaseUrl: db.authUrl,
    keysFile: `${dataDir}-auth-keys.json`,
    siteUrl: 'http://localhost:3000',
    additionalRedirectUrls: ['http://*.localhost:3000/**'],
    realtime: { databaseUrl: db.realtimeUrl },
  });
  project.provide('supabaseUrl', auth.url);
  project.provide('supabasePublishableKey', auth.publishableKey);
  project.provide('supabaseSecretKey', auth.secretKey);
  const inngest = await startLocalInngest({ databaseUrl: db.adminUrl, port: await findFreePort() });
  project.provide('inngestUrl', inngest.url);
  const receiver = await startNotificationReceiver();
  project.provide('receiverUrl', receiver.url);
  project.provide('receiverHost', receiver.host);
  project.provide('secretsEncryptionKeys', generateSecretKey('test1'));
  return async () => {
    await receiver.stop();
    await inngest.stop();
    await auth.stop();
    await db.postgres.stop();
    // The cluster may live elsewhere when TMPDIR is private to root (see supabase/local/postgres/data-dir.ts).
    fs.rmSync(db.postgres.dataDir, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(`${dataDir}-auth-keys.json`, { force: true });
  };
}

/** Start-up problems are for people (a folder Postgres cannot reach, a port in use): the message, no stack trace. */
function withoutStack(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const plain = new Error(message);
  plain.stack = `Could not start the test database: ${message}`;
  return plain;
}
