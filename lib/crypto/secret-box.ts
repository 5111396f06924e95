import crypto from 'node:crypto';
import { z } from 'zod';

/**
 * Secrets at rest (Slack webhook URLs, webhook signing secrets): AES-256-GCM under a key
 * from SECRETS_ENCRYPTION_KEYS, a comma-separated list of `<key id>:<base64 of 32 bytes>`.
 * The FIRST key encrypts; every listed key decrypts, so a key rotates by putting a new one
 * first, re-encrypting (rows name their key id), then dropping the old one
 * (docs/decisions/0026-notifications.md). `context` is bound as additional authenticated
 * data, so a ciphertext copied onto another row (another channel, another org) fails to open.
 */
const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

export const secretKeysSchema = z
  .string()
  .min(1)
  .transform((value, ctx) => {
    const keys: { id: string; key: Buffer }[] = [];
    for (const entry of value.split(',').map((s) => s.trim()).filter(Boolean)) {
      const at = entry.indexOf(':');
      const id = entry.slice(0, at);
      const key = Buffer.from(entry.slice(at + 1), 'base64');
      if (at < 1 || !keyIdPattern.test(id) || key.length !== 32) {
        ctx.addIssue({ code: 'custom', message: 'must be a list of <key id>:<base64 of 32 random bytes>, like k1:…, first key encrypts' });
        return z.NEVER;
      }
      if (keys.some((k) => k.id === id)) {
        ctx.addIssue({ code: 'custom', message: `names key id ${id} twice` });
        return z.NEVER;
      }
      keys.push({ id, key });
    }
    if (keys.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'must hold at least one key' });
      return z.NEVER;
    }
    return keys;
  });
export type SecretKeys = z.output<typeof secretKeysSchema>;

export interface SealedSecret {
  keyId: string;
  /** base64url of iv (12 bytes) | tag (16 bytes) | ciphertext. */
  ciphertext: string;
}

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

/** A new key for SECRETS_ENCRYPTION_KEYS, e.g. for `npm run dev` or a rotation. */
export function generateSecretKey(id: string): string {
  return `${id}:${crypto.randomBytes(32).toString('base64')}`;
}

export function createSecretBox(keys: SecretKeys) {
  const [current] = keys;
  if (!current) throw new SecretBoxError('no encryption key');
  return {
    currentKeyId: current.id,
    seal(plaintext: string, context: string): SealedSecret {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return { keyId: current.id, ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url') };
    },
    open(sealed: SealedSecret, context: string): string {
      const entry = keys.find((k) => k.id === sealed.keyId);
      if (!entry) throw new SecretBoxError(`secret was sealed with key ${sealed.keyId}, which SECRETS_ENCRYPTION_KEYS no longer lists`);
      const raw = Buffer.from(sealed.ciphertext, 'base64url');
      if (raw.length < 28) throw new SecretBoxError('sealed secret is truncated');
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', entry.key, raw.subarray(0, 12));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError('sealed secret does not open (wrong key, context or tampered)');
      }
    },
  };
}
export type SecretBox = ReturnType<typeof createSecretBox>;
