import crypto from 'node:crypto';
import { promisify } from 'node:util';
import type { Db } from './db.ts';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/**
 * Password hashes. GoTrue stores bcrypt; this server stores scrypt (node:crypto,
 * no native dependency) as `$scrypt$N$r$p$salt$hash`. It also verifies bcrypt
 * hashes (`$2a$`/`$2b$`/`$2y$`, e.g. from seed SQL using pgcrypto's crypt())
 * through Postgres, so users created either way can sign in.
 */
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P });
  return `$scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** A hash of a random password, verified against when a user has no password, so timing reveals nothing. */
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(crypto.randomBytes(24).toString('base64url')));

async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  // ['', 'scrypt', N, r, p, salt, hash]
  if (parts.length !== 7) return false;
  const [n, r, p] = [Number(parts[2]), Number(parts[3]), Number(parts[4])];
  const salt = Buffer.from(parts[5] ?? '', 'base64url');
  const expected = Buffer.from(parts[6] ?? '', 'base64url');
  if (!Number.isInteger(n) || !Number.isInteger(r) || !Number.isInteger(p) || expected.length === 0) return false;
  const actual = await scrypt(password.normalize('NFC'), salt, expected.length, { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 });
  return crypto.timingSafeEqual(actual, expected);
}

async function verifyBcrypt(db: Db, password: string, stored: string): Promise<boolean> {
  try {
    const [row] = await db<{ h: string }[]>`select extensions.crypt(${password}, ${stored}) as h`;
    const actual = Buffer.from(row?.h ?? '');
    const expected = Buffer.from(stored);
    return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
  } catch {
    // pgcrypto unreachable for this role: fail closed.
    return false;
  }
}

/**
 * Constant-time check of a password against a stored hash. With no hash (unknown
 * user, passwordless user) it still spends one scrypt computation and answers false.
 */
export async function verifyPassword(db: Db, password: string, stored: string | null | undefined): Promise<boolean> {
  if (stored?.startsWith('$scrypt$')) return verifyScrypt(password, stored);
  if (stored && /^\$2[aby]\$/.test(stored)) return verifyBcrypt(db, password, stored);
  await verifyScrypt(password, await dummy());
  return false;
}

/** A random password for users who sign up without one (magic link, invite), as GoTrue does. */
export function randomPassword(): string {
  return crypto.randomBytes(48).toString('base64url');
}

export function isSupportedPasswordHash(hash: string): boolean {
  return hash.startsWith('$scrypt$') || /^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/.test(hash);
}
