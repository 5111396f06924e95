import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The local SECRETS_ENCRYPTION_KEYS value: a key generated once and kept in `file`
 * (mode 600, in the git-ignored data folder), so secrets stored in the local database
 * still open after a restart. Hosted setups set the variable themselves.
 */
export function localSecretKeys(file: string): string {
  if (fs.existsSync(file)) {
    const value = fs.readFileSync(file, 'utf8').trim();
    if (value) return value;
  }
  const value = `local1:${crypto.randomBytes(32).toString('base64')}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}
