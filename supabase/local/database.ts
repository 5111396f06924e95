import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyBootstrap, hasSupabaseBasics } from './bootstrap.ts';
import { runMigrations, runSeed } from './migrate.ts';
import { startLocalPostgres, type LocalPostgres } from './postgres.ts';

const supabaseDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Local-only credentials. The cluster listens on 127.0.0.1 only. */
export const LOCAL_PASSWORDS = {
  superuser: 'postgres',
  authenticator: 'authenticator-local',
  authAdmin: 'auth-admin-local',
  realtimeAdmin: 'realtime-admin-local',
} as const;

export interface DatabaseUrls {
  /** Superuser: migrations, seed, bootstrap, test fixtures. */
  adminUrl: string;
  /** Login role `authenticator`: the app's only way in; cannot bypass RLS. */
  appUrl: string;
  /** Login role `supabase_auth_admin`: owner of the auth schema (the local auth server). */
  authUrl: string;
  /** Login role `supabase_realtime_admin`: owner of realtime.messages (the local Realtime server). */
  realtimeUrl: string;
}

export interface LocalDatabase extends DatabaseUrls {
  postgres: LocalPostgres;
  applied: string[];
}

/** Starts the embedded cluster, bootstraps it, migrates and seeds it. */
export async function startLocalDatabase(opts: {
  dataDir: string;
  port: number;
  seed?: boolean;
  onLog?: (line: string) => void;
}): Promise<LocalDatabase> {
  const pg = await startLocalPostgres({
    dataDir: opts.dataDir,
    port: opts.port,
    password: LOCAL_PASSWORDS.superuser,
    onLog: opts.onLog,
  });
  try {
    await applyBootstrap(pg.adminUrl, LOCAL_PASSWORDS);
    const applied = await prepareDatabase(pg.adminUrl, { seed: opts.seed ?? true });
    return { postgres: pg, applied, ...localUrls(opts.port) };
  } catch (error) {
    await pg.stop();
    throw error;
  }
}

/** Migrations then seed, against any Postgres that already has Supabase's basics. */
export async function prepareDatabase(adminUrl: string, opts: { seed: boolean }): Promise<string[]> {
  if (!(await hasSupabaseBasics(adminUrl))) {
    throw new Error(
      'This database lacks what Supabase provides (roles anon/authenticated/service_role, auth.uid()). ' +
        'Point DATABASE_ADMIN_URL at a Supabase project, or set SUPABASE_BOOTSTRAP=true to apply ' +
        'supabase/local/bootstrap/ to this plain Postgres first.',
    );
  }
  const applied = await runMigrations(adminUrl, path.join(supabaseDir, 'migrations'));
  if (opts.seed) await runSeed(adminUrl, path.join(supabaseDir, 'seed.sql'));
  return applied;
}

export function localUrls(port: number): DatabaseUrls {
  const url = (user: string, password: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return {
    adminUrl: url('postgres', LOCAL_PASSWORDS.superuser),
    appUrl: url('authenticator', LOCAL_PASSWORDS.authenticator),
    authUrl: url('supabase_auth_admin', LOCAL_PASSWORDS.authAdmin),
    realtimeUrl: url('supabase_realtime_admin', LOCAL_PASSWORDS.realtimeAdmin),
  };
}
