import crypto from 'node:crypto';

/**
 * Secrets handed to a person once (invitation links, handoff codes): 32 random
 * bytes, base64url. Only the sha256 hex is stored, so a database leak does not
 * leak usable tokens; 256 bits of entropy make a plain hash sufficient.
 */
export function generateSecretToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashSecretToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}
