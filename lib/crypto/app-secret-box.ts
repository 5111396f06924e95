import 'server-only';
import { env } from '@/lib/env';
import { createSecretBox, SecretBoxError, type SecretBox } from './secret-box';

let cached: SecretBox | undefined;

/** The app's secret box, keyed by SECRETS_ENCRYPTION_KEYS (lib/env.ts). */
export function appSecretBox(): SecretBox {
  if (cached) return cached;
  const keys = env().SECRETS_ENCRYPTION_KEYS;
  if (!keys) throw new SecretBoxError('SECRETS_ENCRYPTION_KEYS is not set: secrets cannot be stored or read (see .env.example)');
  cached = createSecretBox(keys);
  return cached;
}
