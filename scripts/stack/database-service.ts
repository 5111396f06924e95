import path from 'node:path';
import { applyBootstrap } from '../../supabase/local/bootstrap.ts';
import { LOCAL_PASSWORDS, prepareDatabase, startLocalDatabase } from '../../supabase/local/database.ts';
import type { RunningService, Service } from './supervisor.ts';

export interface DatabaseTarget {
  adminUrl: string;
  appUrl: string;
  /** Login of the local auth server (embedded stack only). */
  authUrl: string;
}

/** Embedded Postgres: start, bootstrap, migrate, seed. Fills `target` with its URLs. */
export function embeddedDatabaseService(opts: { dataDir: string; port: number; target: Partial<DatabaseTarget> }): Service {
  return {
    name: 'postgres',
    async start(log): Promise<RunningService> {
      const db = await startLocalDatabase({ dataDir: opts.dataDir, port: opts.port, onLog: (line) => quiet(line, log) });
      log(`Postgres 15 on 127.0.0.1:${opts.port}, data in ${path.relative(process.cwd(), opts.dataDir) || opts.dataDir}`);
      if (db.postgres.placementNote) log(db.postgres.placementNote);
      log(db.applied.length ? `applied ${db.applied.join(', ')}` : 'migrations up to date');
      Object.assign(opts.target, { adminUrl: db.adminUrl, appUrl: db.appUrl, authUrl: db.authUrl });
      const pid = db.postgres.pid();
      return { pids: () => (pid ? [pid] : []), stop: () => db.postgres.stop() };
    },
  };
}

/** An external Postgres (hosted Supabase or your own): migrate and seed only. */
export function externalDatabaseService(opts: { adminUrl: string; bootstrap: boolean; seed: boolean }): Service {
  return {
    name: 'migrate',
    async start(log): Promise<RunningService> {
      if (opts.bootstrap) {
        await applyBootstrap(opts.adminUrl, LOCAL_PASSWORDS);
        log('applied supabase/local/bootstrap/');
      }
      const applied = await prepareDatabase(opts.adminUrl, { seed: opts.seed });
      log(applied.length ? `applied ${applied.join(', ')}` : 'migrations up to date');
      return { pids: () => [], stop: async () => {} };
    },
  };
}

/** Postgres is chatty at start; keep warnings and errors only. */
function quiet(line: string, log: (line: string) => void) {
  if (/(ERROR|FATAL|PANIC|WARNING)/.test(line)) log(line);
}
