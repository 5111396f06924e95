/**
 * The stack Playwright tests against: a fresh embedded Postgres in a temporary
 * folder (bootstrapped, migrated, seeded) and `next start` on the built app
 * (`npm test` runs `next build` first). Removed again when Playwright stops it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { embeddedDatabaseService, type DatabaseTarget } from './stack/database-service.ts';
import { nextService } from './stack/next-service.ts';
import { supervise } from './stack/supervisor.ts';
import { findFreePort } from '../supabase/local/ports.ts';

const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantforge-e2e-pg-'));
fs.rmSync(dataDir, { recursive: true });
process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));

const target: Partial<DatabaseTarget> = {};
await supervise(
  [
    embeddedDatabaseService({ dataDir, port: await findFreePort(), target }),
    {
      name: 'next',
      start: (log) =>
        nextService({
          mode: 'start',
          port,
          env: {
            DATABASE_URL: target.appUrl!,
            NEXT_PUBLIC_ROOT_DOMAIN: `localhost:${port}`,
            NEXT_DIST_DIR: '.next-e2e',
          },
        }).start(log),
    },
  ],
  () => {
    process.stdout.write(`e2e stack ready on http://localhost:${port}\n`);
  },
);
