import fs from 'node:fs';
import path from 'node:path';
import { canEnter, type PostgresAccount } from './account.ts';

/**
 * As root, the Postgres server runs as the `postgres` system user, which cannot
 * enter a clone under /root (or any private folder). What it must reach then
 * (a copy of the binaries, the data folder) goes below this folder instead.
 */
export const DEFAULT_SHARED_DIR = '/var/lib/tenantforge';

export function sharedDirFromEnv(): string {
  return path.resolve(process.env.LOCAL_POSTGRES_SHARED_DIR || DEFAULT_SHARED_DIR);
}

/**
 * Creates `dir` (owned by root, mode 0755) or checks an existing one: a real
 * folder, owned by root, writable by no one else, that the account can enter.
 * Anything else is refused with the reason, since the server runs what is in it.
 */
export function ensureSharedDir(dir: string, account: PostgresAccount): string {
  const fail = (why: string) =>
    new Error(
      `Cannot use ${dir} for what the Postgres system user "${account.name}" must reach: ${why}.\n` +
        `Fix that folder, or set LOCAL_POSTGRES_SHARED_DIR to a root-owned folder (mode 755) that user can enter.`,
    );
  try {
    makeReachable(dir);
  } catch (error) {
    throw fail(`it cannot be created (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory()) throw fail('it is not a folder (a symbolic link or a file)');
  if (stat.uid !== 0) throw fail(`it belongs to user id ${stat.uid}, not root`);
  if ((stat.mode & 0o022) !== 0) throw fail('others than root may write to it');
  if (!canEnter(account, dir)) throw fail('that user cannot enter it (check the folders above it)');
  return dir;
}

/** A root-owned, mode 0755 sub-folder of a checked shared folder. */
export function ensureSubdir(parent: string, name: string): string {
  const dir = path.join(parent, name);
  makeReachable(dir);
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
    throw new Error(`${dir} must be a folder owned by root that no one else may write to.`);
  }
  return dir;
}

/** mkdir -p with mode 0755 for every folder it creates, whatever the umask. */
function makeReachable(dir: string): void {
  const first = fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  if (first === undefined) return;
  for (let current = dir; ; current = path.dirname(current)) {
    fs.chmodSync(current, 0o755);
    if (current === first || current === path.dirname(current)) return;
  }
}

/** The first folder on the way to `dir` that the account cannot enter, or null. */
export function firstBlocked(account: PostgresAccount, dir: string): string | null {
  const parts = path.resolve(dir).split(path.sep).filter(Boolean);
  let current: string = path.sep;
  if (!canEnter(account, current)) return current;
  for (const part of parts) {
    current = path.join(current, part);
    if (!fs.existsSync(current)) return null;
    if (!canEnter(account, current)) return current;
  }
  return null;
}
