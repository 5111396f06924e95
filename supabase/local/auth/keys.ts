import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { z } from 'zod';

/**
 * The server's long-lived secrets: the ES256 signing key (published in the
 * JWKS) and the two API keys. Generated on first start and kept in a file the
 * caller names (git-ignored, mode 0600), so tokens and keys survive restarts.
 */
export interface AuthKeys {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
  publishableKey: string;
  secretKey: string;
}

const ecPrivateJwkSchema = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().min(1),
  y: z.string().min(1),
  d: z.string().min(1),
});

const keysFileSchema = z.object({
  version: z.literal(1),
  created_at: z.string(),
  signing_key: z.object({ kid: z.uuid(), alg: z.literal('ES256'), private_jwk: ecPrivateJwkSchema }),
  publishable_key: z.string().regex(/^sb_publishable_[A-Za-z0-9_-]+$/),
  secret_key: z.string().regex(/^sb_secret_[A-Za-z0-9_-]+$/),
});
type KeysFile = z.infer<typeof keysFileSchema>;

/** Supabase-style key: `sb_<kind>_<22 random chars>_<8 char checksum>`. */
export function generateApiKey(kind: 'publishable' | 'secret'): string {
  const prefix = `sb_${kind}_`;
  const random = crypto.randomBytes(16).toString('base64url').slice(0, 22);
  const checksum = crypto.createHash('sha256').update(prefix + random).digest('base64url').slice(0, 8);
  return `${prefix}${random}_${checksum}`;
}

async function createKeysFile(): Promise<KeysFile> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = ecPrivateJwkSchema.parse(await exportJWK(privateKey));
  return {
    version: 1,
    created_at: new Date().toISOString(),
    signing_key: { kid: crypto.randomUUID(), alg: 'ES256', private_jwk: jwk },
    publishable_key: generateApiKey('publishable'),
    secret_key: generateApiKey('secret'),
  };
}

function writeKeysFile(file: string, data: KeysFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(temp, file);
}

function readKeysFile(file: string): KeysFile {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`The auth keys file ${file} is not valid JSON (${(error as Error).message}). Nothing was changed; move it away to generate new keys.`);
  }
  const parsed = keysFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`The auth keys file ${file} has an unexpected shape (${parsed.error.issues[0]?.message}). Nothing was changed; move it away to generate new keys.`);
  }
  return parsed.data;
}

/** Loads the keys file, creating it on first start. Never overwrites an existing file. */
export async function loadOrCreateKeys(file: string): Promise<AuthKeys> {
  let data: KeysFile;
  if (fs.existsSync(file)) {
    data = readKeysFile(file);
  } else {
    data = await createKeysFile();
    writeKeysFile(file, data);
  }
  const { kid, private_jwk: privateJwk } = data.signing_key;
  const { d: _d, ...publicPart } = privateJwk;
  const publicJwk: JWK = { ...publicPart, kid, alg: 'ES256', use: 'sig', key_ops: ['verify'], ext: true };
  const privateKey = (await importJWK({ ...privateJwk, alg: 'ES256' }, 'ES256')) as CryptoKey;
  const publicKey = (await importJWK({ ...publicPart, alg: 'ES256' }, 'ES256')) as CryptoKey;
  return { kid, privateKey, publicKey, publicJwk, publishableKey: data.publishable_key, secretKey: data.secret_key };
}
