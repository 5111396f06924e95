import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { canEnter, type PostgresAccount } from './account.ts';
import { ensureSharedDir, ensureSubdir, firstBlocked } from './shared-dir.ts';

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

export interface PlacedDataDir {
  /** The folder the server uses. */
  dir: string;
  /** The folder asked for, when it is a link to `dir`. */
  linkedFrom?: string;
  /** Why the cluster lives elsewhere: the folder the server's account could not enter. */
  blockedAt?: string;
}

/**
 * Where the cluster for `requested` lives. Normally `requested` itself. When the
 * server's account (the `postgres` system user, as root) cannot enter the folder
 * above it, a new cluster goes below the shared folder and `requested` becomes a
 * link to it, so later starts find it again. An existing cluster out of reach is
 * never moved: that is reported with the fix.
 */
export function placeDataDir(requested: string, account: PostgresAccount, sharedDir: string): PlacedDataDir {
  const asked = path.resolve(requested);
  const link = isLink(asked) ? path.resolve(path.dirname(asked), fs.readlinkSync(asked)) : null;
  const target = link ?? asked;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (canEnter(account, path.dirname(target))) return link ? { dir: target, linkedFrom: asked } : { dir: target };

  const blockedAt = firstBlocked(account, path.dirname(target)) ?? path.dirname(target);
  const why =
    `Postgres refuses to run as root, so it runs as the system user "${account.name}", ` +
    `which cannot enter ${blockedAt}.`;
  if (link) {
    throw new Error(`The data folder ${asked} links to ${target}. ${why}\nPoint the link at a folder that user can reach, or remove it to start a new cluster.`);
  }
  if (fs.existsSync(asked)) {
    if (inspectDataDir(asked) === 'cluster') {
      throw new Error(
        `The data folder ${asked} holds data the Postgres server cannot reach. ${why}\n` +
          `Move the folder to a place that user can enter and link it back (ln -s <new place> ${asked}), ` +
          `or run as a normal user. Nothing was changed.`,
      );
    }
    fs.rmdirSync(asked);
  }
  const clusters = ensureSubdir(ensureSharedDir(sharedDir, account), 'clusters');
  const dir = path.join(clusters, clusterName(asked));
  fs.symlinkSync(dir, asked, 'dir');
  return { dir, linkedFrom: asked, blockedAt };
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Readable and unique per requested folder: the path's last parts plus a hash of all of it. */
function clusterName(asked: string): string {
  const readable = asked.split(path.sep).filter(Boolean).slice(-3).join('-').replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60);
  const hash = crypto.createHash('sha256').update(asked).digest('hex').slice(0, 12);
  return `${readable}-${hash}`;
}
