/**
 * The stack Playwright tests against: a fresh embedded Postgres in a temporary
 * folder (bootstrapped, migrated, seeded), the local auth server (with Realtime) on it,
 * `next start` on the built app (`npm test` runs `next build` first), and the local
 * Inngest executor (synced with the app once it answers). Removed
 * again when Playwright stops it. Writes the stack's URLs and keys to
 * test-results/e2e-stack-<port>.json for the tests (mailbox, admin API).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authService, type AuthTarget } from './stack/auth-service.ts';
import { inngestService } from './stack/inngest-service.ts';
import { embeddedDatabaseService, type DatabaseTarget } from './stack/database-service.ts';
import { nextService } from './stack/next-service.ts';
import { notificationReceiverService } from './stack/notification-receiver.ts';
import { generateSecretKey } from '../lib/crypto/secret-box.ts';
import { supervise } from './stack/supervisor.ts';
import { findFreePort } from '../supabase/local/ports.ts';

const port = Number(process.env.E2E_PORT ?? 3100);
const rootDomain = `localhost:${port}`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantforge-e2e-'));
fs.chmodSync(tmp, 0o755); // so the cluster stays in it when we are root (the postgres system user must reach it)
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const stackFile = path.resolve(import.meta.dirname, `../test-results/e2e-stack-${port}.json`);

const db: Partial<DatabaseTarget> = {};
const auth: Partial<AuthTarget> = {};
const inngestPort = await findFreePort();
const inngestUrl = `http://127.0.0.1:${inngestPort}`;
const receiver: { url?: string; host?: string } = {};
const secretKeys = generateSecretKey('e2e1');
await supervise(
  [
    embeddedDatabaseService({ dataDir: path.join(tmp, 'postgres'), port: await findFreePort(), target: db }),
    authService({
      port: await findFreePort(),
      databaseUrl: () => db.authUrl!,
      realtimeDatabaseUrl: () => db.realtimeUrl!,
      keysFile: path.join(tmp, 'auth-keys.json'),
      siteUrl: `http://${rootDomain}`,
      redirectUrls: [`http://${rootDomain}/**`, `http://*.${rootDomain}/**`],
      perIpLimits: false,
      target: auth,
    }),
    notificationReceiverService({ port: await findFreePort(), target: receiver }),
    {
      name: 'next',
      start: (log) =>
        nextService({
          mode: 'start',
          port,
          env: {
            DATABASE_URL: db.appUrl!,
            NEXT_PUBLIC_ROOT_DOMAIN: rootDomain,
            NEXT_PUBLIC_SUPABASE_URL: auth.url!,
            NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: auth.publishableKey!,
            SUPABASE_SECRET_KEY: auth.secretKey!,
            NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-e2e',
            // The tests reach the app from 127.0.0.1 as if through a proxy at a known address, so a
            // test can be a client of its own (X-Forwarded-For) instead of sharing one per-IP budget;
            // requests from 127.0.0.2 are untrusted and see what TRUSTED_PROXIES=none gives everyone.
            TRUSTED_PROXIES: '127.0.0.1,::1',
            INNGEST_DEV: '1',
            INNGEST_BASE_URL: inngestUrl,
            SECRETS_ENCRYPTION_KEYS: secretKeys,
            OUTBOUND_ALLOWED_HOSTS: receiver.host!,
          },
        }).start(log),
    },
    inngestService({ port: inngestPort, databaseUrl: () => db.adminUrl!, serveUrl: `http://127.0.0.1:${port}/api/inngest`, waitForSync: true }),
  ],
  () => {
    fs.mkdirSync(path.dirname(stackFile), { recursive: true });
    fs.writeFileSync(
      stackFile,
      JSON.stringify({ appUrl: `http://${rootDomain}`, rootDomain, authUrl: auth.url, secretKey: auth.secretKey, publishableKey: auth.publishableKey, mailboxLoginUrl: auth.mailboxLoginUrl, adminDbUrl: db.adminUrl, inngestUrl, receiverUrl: receiver.url }, null, 2),
    );
    process.stdout.write(`e2e stack ready on http://${rootDomain}\n`);
  },
);
