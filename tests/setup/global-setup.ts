import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalDatabase } from '../../supabase/local/database.ts';
import { findFreePort } from '../../supabase/local/ports.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    databaseUrl: string;
    databaseAuthUrl: string;
  }
}

/**
 * Starts one fresh embedded Postgres for the whole run (bootstrapped, migrated,
 * seeded) in a temporary folder on a free port, and removes it afterwards.
 */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantforge-test-pg-'));
  fs.rmSync(dataDir, { recursive: true });
  const port = await findFreePort();
  const db = await startLocalDatabase({ dataDir, port });
  project.provide('databaseAdminUrl', db.adminUrl);
  project.provide('databaseUrl', db.appUrl);
  project.provide('databaseAuthUrl', db.authUrl);
  return async () => {
    await db.postgres.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
