import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalInngest } from '../../inngest/local/server.ts';
import { startAuthServer } from '../../supabase/local/auth/server.ts';
import { startLocalDatabase } from '../../supabase/local/database.ts';
import { findFreePort } from '../../supabase/local/ports.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    databaseUrl: string;
    databaseAuthUrl: string;
    supabaseUrl: string;
    supabasePublishableKey: string;
    supabaseSecretKey: string;
    inngestUrl: string;
  }
}

/**
 * Starts one fresh embedded Postgres for the whole run (bootstrapped, migrated,
 * seeded) in a temporary folder on a free port, the local auth server and the local
 * Inngest executor on it (so app code that sends events works); removes them afterwards.
 * Suites that need their own auth settings or executor start their own.
 */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantforge-test-pg-'));
  fs.rmSync(dataDir, { recursive: true });
  const port = await findFreePort();
  const db = await startLocalDatabase({ dataDir, port });
  project.provide('databaseAdminUrl', db.adminUrl);
  project.provide('databaseUrl', db.appUrl);
  project.provide('databaseAuthUrl', db.authUrl);
  const auth = await startAuthServer({
    port: await findFreePort(),
    databaseUrl: db.authUrl,
    keysFile: `${dataDir}-auth-keys.json`,
    siteUrl: 'http://localhost:3000',
    additionalRedirectUrls: ['http://*.localhost:3000/**'],
  });
  project.provide('supabaseUrl', auth.url);
  project.provide('supabasePublishableKey', auth.publishableKey);
  project.provide('supabaseSecretKey', auth.secretKey);
  const inngest = await startLocalInngest({ databaseUrl: db.adminUrl, port: await findFreePort() });
  project.provide('inngestUrl', inngest.url);
  return async () => {
    await inngest.stop();
    await auth.stop();
    await db.postgres.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(`${dataDir}-auth-keys.json`, { force: true });
  };
}
