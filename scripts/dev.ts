/**
 * `npm run dev`: the whole local stack in one command. Postgres (embedded, or the
 * DATABASE_ADMIN_URL you set), bootstrap, migrations, seed, then Next.js.
 * Ctrl-C stops everything it started; data stays in .data/ for the next start.
 */
import path from 'node:path';
import { z } from 'zod';
import { embeddedDatabaseService, externalDatabaseService, type DatabaseTarget } from './stack/database-service.ts';
import { readUserEnv, writeManagedEnv } from './stack/env-file.ts';
import { nextService } from './stack/next-service.ts';
import { supervise, type Service } from './stack/supervisor.ts';

const root = path.resolve(import.meta.dirname, '..');
const envFile = path.resolve(root, process.env.LOCAL_ENV_FILE ?? '.env.local');
const user = { ...readUserEnv(envFile), ...process.env };

const port = z.coerce.number().int().min(1).max(65535);
const settingsSchema = z.object({
  PORT: port.default(3000),
  LOCAL_POSTGRES_PORT: port.default(54322),
  DATABASE_URL: z.string().optional(),
  DATABASE_ADMIN_URL: z.string().optional(),
  SUPABASE_BOOTSTRAP: z.enum(['true', 'false']).default('false'),
  NEXT_PUBLIC_ROOT_DOMAIN: z.string().optional(),
  LOCAL_DATA_DIR: z.string().default('.data/postgres'),
});
const parsed = settingsSchema.safeParse(user);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
const settings = parsed.data;
const external = Boolean(settings.DATABASE_URL && settings.DATABASE_ADMIN_URL);
if (Boolean(settings.DATABASE_URL) !== Boolean(settings.DATABASE_ADMIN_URL)) {
  console.error('Set both DATABASE_URL and DATABASE_ADMIN_URL to use your own Postgres, or neither to use the embedded one.');
  process.exit(1);
}

const target: Partial<DatabaseTarget> = external
  ? { adminUrl: settings.DATABASE_ADMIN_URL, appUrl: settings.DATABASE_URL }
  : {};
const rootDomain = settings.NEXT_PUBLIC_ROOT_DOMAIN ?? `localhost:${settings.PORT}`;

const appEnv = (): Record<string, string> => ({
  DATABASE_URL: target.appUrl!,
  NEXT_PUBLIC_ROOT_DOMAIN: rootDomain,
});

const services: Service[] = [
  external
    ? externalDatabaseService({ adminUrl: target.adminUrl!, bootstrap: settings.SUPABASE_BOOTSTRAP === 'true', seed: true })
    : embeddedDatabaseService({ dataDir: path.resolve(root, settings.LOCAL_DATA_DIR), port: settings.LOCAL_POSTGRES_PORT, target }),
  {
    name: 'next',
    start: (log) => {
      if (!external) writeManagedEnv(envFile, { ...appEnv(), DATABASE_ADMIN_URL: target.adminUrl! });
      return nextService({ mode: 'dev', port: settings.PORT, env: appEnv() }).start(log);
    },
  },
];

await supervise(services, () => {
  const lines = [
    '',
    'Tenantforge is running:',
    `  App        http://${rootDomain}`,
    `  Health     http://localhost:${settings.PORT}/api/health`,
    external ? '  Postgres   your DATABASE_URL' : `  Postgres   ${target.adminUrl}`,
    external ? '' : `  Env file   ${path.relative(process.cwd(), envFile)} (local values written)`,
    'Press Ctrl-C to stop everything.',
    '',
  ];
  process.stdout.write(lines.filter((l) => l !== '').join('\n') + '\n\n');
});
