import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';

/**
 * The operating-system account the Postgres server runs as. Postgres refuses to
 * run as root, so as root it is the `postgres` system user (created when
 * missing); otherwise it is the current user, who can reach their own folders.
 */
export interface PostgresAccount {
  name: string;
  /** Set only when we are root and switch to another user for the server. */
  uid?: number;
  gid?: number;
}

export const POSTGRES_SYSTEM_USER = 'postgres';

export const isRoot = (): boolean => process.getuid?.() === 0;

export function postgresAccount(): PostgresAccount {
  if (!isRoot()) return { name: os.userInfo().username };
  const existing = lookUp(POSTGRES_SYSTEM_USER);
  if (existing) return existing;
  try {
    if (spawnSync('getent', ['group', POSTGRES_SYSTEM_USER]).status !== 0) {
      execFileSync('groupadd', ['--system', POSTGRES_SYSTEM_USER], { stdio: 'pipe' });
    }
    execFileSync(
      'useradd',
      ['--system', '--gid', POSTGRES_SYSTEM_USER, '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', POSTGRES_SYSTEM_USER],
      { stdio: 'pipe' },
    );
  } catch (error) {
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
    throw new Error(
      `Postgres refuses to run as root, so as root this project runs it as the system user "${POSTGRES_SYSTEM_USER}", ` +
        `which does not exist and could not be created (${detail}).\n` +
        `Create it (useradd --system ${POSTGRES_SYSTEM_USER}) or run the command as a normal user.`,
    );
  }
  const created = lookUp(POSTGRES_SYSTEM_USER);
  if (!created) throw new Error(`The system user "${POSTGRES_SYSTEM_USER}" was created but cannot be found (id ${POSTGRES_SYSTEM_USER}).`);
  return created;
}

function lookUp(name: string): PostgresAccount | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { stdio: 'pipe' }).toString().trim());
    const gid = Number(execFileSync('id', ['-g', name], { stdio: 'pipe' }).toString().trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { name, uid, gid } : null;
  } catch {
    return null;
  }
}

/**
 * Whether the account can enter `dir` (search permission on it and on every
 * folder above it). Asked of the system by running `cd` as that account, so
 * modes, ACLs and group memberships all count. Always true for the current user.
 */
export function canEnter(account: PostgresAccount, dir: string): boolean {
  if (account.uid === undefined) return true;
  const probe = spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'probe', dir], {
    uid: account.uid,
    gid: account.gid,
    cwd: '/',
    stdio: 'ignore',
  });
  return probe.status === 0;
}
