/**
 * `npm run dev`: the whole local stack in one command. Postgres (embedded, or the
 * DATABASE_ADMIN_URL you set), bootstrap, migrations, seed, the local auth server
 * (unless you point at a hosted Supabase), Next.js, then the local Inngest executor
 * (which syncs the app's functions).
 * Ctrl-C stops everything it started; data stays in .data/ for the next start.
 */
import path from 'node:path';
import { z } from 'zod';
import { authService, type AuthTarget } from './stack/auth-service.ts';
import { assertPortFree } from '../supabase/local/ports.ts';
import { inngestService } from './stack/inngest-service.ts';
import { embeddedDatabaseService, externalDatabaseService, type DatabaseTarget } from './stack/database-service.ts';
import { readUserEnv, writeManagedEnv } from './stack/env-file.ts';
import { localSecretKeys } from './stack/local-secret-key.ts';
import { nextService } from './stack/next-service.ts';
import { notificationReceiverService } from './stack/notification-receiver.ts';
import { supervise, type Service } from './stack/supervisor.ts';

const root = path.resolve(import.meta.dirname, '..');
const envFile = path.resolve(root, process.env.LOCAL_ENV_FILE ?? '.env.local');
const user = { ...readUserEnv(envFile), ...process.env };

const port = z.coerce.number().int().min(1).max(65535);
const settingsSchema = z.object({
  PORT: port.default(3000),
  LOCAL_POSTGRES_PORT: port.default(54322),
  LOCAL_AUTH_PORT: port.default(54321),
  LOCAL_INNGEST_PORT: port.default(8288),
  LOCAL_RECEIVER_PORT: port.default(54330),
  SECRETS_ENCRYPTION_KEYS: z.string().optional(),
  OUTBOUND_ALLOWED_HOSTS: z.string().optional(),
  LOCAL_DATA_DIR: z.string().default('.data'),
  LOCAL_AUTH_CONFIRM_EMAIL: z.enum(['true', 'false']).optional(),
  DATABASE_URL: z.string().optional(),
  DATABASE_ADMIN_URL: z.string().optional(),
  SUPABASE_BOOTSTRAP: z.enum(['true', 'false']).default('false'),
  NEXT_PUBLIC_ROOT_DOMAIN: z.string().optional(),
  NEXT_PUBLIC_SUPABASE_URL: z.string().optional(),
  NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: z.string().optional(),
  SUPABASE_SECRET_KEY: z.string().optional(),
});
const parsed = settingsSchema.safeParse(user);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
const settings = parsed.data;
const externalDb = Boolean(settings.DATABASE_URL && settings.DATABASE_ADMIN_URL);
if (Boolean(settings.DATABASE_URL) !== Boolean(settings.DATABASE_ADMIN_URL)) {
  console.error('Set both DATABASE_URL and DATABASE_ADMIN_URL to use your own Postgres, or neither to use the embedded one.');
  process.exit(1);
}
const externalAuth = Boolean(settings.NEXT_PUBLIC_SUPABASE_URL);
if (externalAuth && !(settings.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY && settings.SUPABASE_SECRET_KEY)) {
  console.error('With NEXT_PUBLIC_SUPABASE_URL set, also set NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY and SUPABASE_SECRET_KEY.');
  process.exit(1);
}
if (externalDb && !externalAuth) {
  console.error('With your own Postgres, point at its Supabase project too (NEXT_PUBLIC_SUPABASE_URL and keys).');
  process.exit(1);
}

const dataDir = path.resolve(root, settings.LOCAL_DATA_DIR);
const rootDomain = settings.NEXT_PUBLIC_ROOT_DOMAIN || `localhost:${settings.PORT}`;
const db: Partial<DatabaseTarget> = externalDb ? { adminUrl: settings.DATABASE_ADMIN_URL, appUrl: settings.DATABASE_URL } : {};
const auth: Partial<AuthTarget> = externalAuth
  ? { url: settings.NEXT_PUBLIC_SUPABASE_URL, publishableKey: settings.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY, secretKey: settings.SUPABASE_SECRET_KEY }
  : {};

const inngestUrl = `http://127.0.0.1:${settings.LOCAL_INNGEST_PORT}`;
// The executor starts last (it syncs the app once Next answers): report a taken port before the slow part.
try {
  await assertPortFree(settings.LOCAL_INNGEST_PORT, 'Inngest executor');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// Secrets at rest: the developer's own keys, else a local key kept in the data folder.
const secretKeys = settings.SECRETS_ENCRYPTION_KEYS || localSecretKeys(path.join(dataDir, 'secrets-encryption-keys'));
const receiver = { url: `http://127.0.0.1:${settings.LOCAL_RECEIVER_PORT}`, host: `127.0.0.1:${settings.LOCAL_RECEIVER_PORT}` };
const allowedHosts = [settings.OUTBOUND_ALLOWED_HOSTS, receiver.host].filter(Boolean).join(',');

const appEnv = (): Record<string, string> => ({
  DATABASE_URL: db.appUrl!,
  NEXT_PUBLIC_ROOT_DOMAIN: rootDomain,
  NEXT_PUBLIC_SUPABASE_URL: auth.url!,
  NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: auth.publishableKey!,
  SUPABASE_SECRET_KEY: auth.secretKey!,
  INNGEST_DEV: '1',
  INNGEST_BASE_URL: inngestUrl,
  SECRETS_ENCRYPTION_KEYS: secretKeys,
  OUTBOUND_ALLOWED_HOSTS: allowedHosts,
});

const services: Service[] = [
  externalDb
    ? externalDatabaseService({ adminUrl: db.adminUrl!, bootstrap: settings.SUPABASE_BOOTSTRAP === 'true', seed: process.env.SEED === 'true' })
    : embeddedDatabaseService({ dataDir: path.join(dataDir, 'postgres'), port: settings.LOCAL_POSTGRES_PORT, target: db }),
  ...(externalAuth
    ? []
    : [
        authService({
          port: settings.LOCAL_AUTH_PORT,
          databaseUrl: () => db.authUrl!,
          realtimeDatabaseUrl: () => db.realtimeUrl!,
          keysFile: path.join(dataDir, 'auth-keys.json'),
          siteUrl: `http://${rootDomain}`,
          redirectUrls: [`http://${rootDomain}/**`, `http://*.${rootDomain}/**`],
          requireEmailConfirmation: settings.LOCAL_AUTH_CONFIRM_EMAIL === undefined ? undefined : settings.LOCAL_AUTH_CONFIRM_EMAIL === 'true',
          target: auth,
        }),
      ]),
  notificationReceiverService({ port: settings.LOCAL_RECEIVER_PORT }),
  {
    name: 'next',
    start: (log) => {
      const local: Record<string, string> = {
        ...(externalDb ? {} : { DATABASE_ADMIN_URL: db.adminUrl! }),
        ...(externalAuth ? {} : { LOCAL_MAILBOX_URL: auth.mailboxLoginUrl! }),
      };
      if (!externalDb || !externalAuth) writeManagedEnv(envFile, { ...appEnv(), ...local });
      return nextService({ mode: 'dev', port: settings.PORT, env: appEnv() }).start(log);
    },
  },
  inngestService({ port: settings.LOCAL_INNGEST_PORT, databaseUrl: () => db.adminUrl!, serveUrl: `http://127.0.0.1:${settings.PORT}/api/inngest` }),
];

await supervise(services, () => {
  const lines = [
    '',
    'Tenantforge is running:',
    `  App        http://${rootDomain}   (tenants: http://<slug>.${rootDomain})`,
    `  Health     http://localhost:${settings.PORT}/api/health`,
    externalAuth ? '  Auth       your Supabase project' : `  Auth       ${auth.url}/auth/v1`,
    externalAuth ? '' : `  Realtime   ${auth.url!.replace(/^http/, 'ws')}/realtime/v1/websocket   (REST: ${auth.url}/realtime/v1/api/broadcast)`,
    externalAuth ? '' : `  Mailbox    ${auth.mailboxLoginUrl}   (every email; the link carries its token)`,
    `  Receiver   ${receiver.url}/slack/…  ${receiver.url}/hooks/…   (local Slack/webhook endpoint; received: /_receiver/requests)`,
    `  Jobs       ${inngestUrl}   (local Inngest executor: runs, steps, cancel, replay)`,
    externalDb ? '  Postgres   your DATABASE_URL' : `  Postgres   ${db.adminUrl}`,
    externalDb && externalAuth ? '' : `  Env file   ${path.relative(process.cwd(), envFile)} (local values written)`,
    externalDb ? '' : `  Demo       http://acme.${rootDomain}  owner@ admin@ member@ viewer@acme.test, password tenantforge-demo`,
    'Press Ctrl-C to stop everything.',
  ];
  process.stdout.write(lines.filter((l) => l !== '').join('\n') + '\n\n');
});
