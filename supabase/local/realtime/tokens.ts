import { compactVerify, decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';
import type { AuthKeys } from '../auth/keys.ts';

/**
 * Realtime's JWT checks (RealtimeWeb.JwtVerification + ChannelsAuthorization), against the
 * local auth server's ES256 key. Each failure carries the text hosted Realtime sends: as a
 * join error reason, and as the `system` message when a joined channel is shut down.
 */
export interface RealtimeClaims extends JWTPayload {
  role: string;
  exp: number;
}

export interface TokenFailure {
  /** phx_reply error `reason` on join. */
  joinReason: string;
  /** `system` message text when a joined channel's token is refused later. */
  shutdownMessage: string;
  /** HTTP message for the REST API and socket connect (401). */
  kind: 'malformed' | 'signature' | 'expired' | 'missing_claims' | 'signer' | 'other';
}

export type TokenCheck = { ok: true; claims: RealtimeClaims } | { ok: false; failure: TokenFailure };

const fail = (kind: TokenFailure['kind'], joinReason: string, shutdownMessage: string): TokenCheck => ({
  ok: false,
  failure: { kind, joinReason, shutdownMessage },
});

const MALFORMED = 'The token provided is not a valid JWT';
const MISSING = 'Fields `role` and `exp` are required in JWT';

function clean(token: string): string {
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // Realtime decodes %-escapes; an invalid escape is left as sent.
  }
  return decoded.replace(/\s/g, '');
}

export function expiredMessage(exp: number, now = Math.floor(Date.now() / 1000)): string {
  return `Token has expired ${now - exp} seconds ago`;
}

export async function verifyRealtimeToken(raw: string, keys: Pick<AuthKeys, 'kid' | 'publicKey'>): Promise<TokenCheck> {
  const token = clean(raw);
  let claims: JWTPayload;
  let header: { alg?: unknown; kid?: unknown };
  try {
    claims = decodeJwt(token);
    header = decodeProtectedHeader(token);
  } catch {
    return fail('malformed', `MalformedJWT: ${MALFORMED}`, MALFORMED);
  }
  const alg = typeof header.alg === 'string' ? header.alg : '';
  const kid = typeof header.kid === 'string' ? header.kid : null;
  const asymmetric = /^(ES|RS)(256|384|512)$|^(EdDSA|Ed25519|Ed448)$/.test(alg);
  if (asymmetric && kid !== null) {
    // The JWKS holds one EC key: other key ids and key types are not found.
    if (!(alg.startsWith('ES') && kid === keys.kid)) {
      const message = `Failed to generate JWT signer for key ID (kid) ${JSON.stringify(kid)}, check your JWT secret or JWKS configuration`;
      return fail('signer', `JwtSignerError: ${message}`, message);
    }
  } else if (!/^HS(256|384|512)$/.test(alg)) {
    const message = 'Failed to generate JWT signer, check your JWT secret or JWKS configuration';
    return fail('signer', `JwtSignerError: ${message}`, message);
  }
  try {
    // HS* tokens would need the legacy JWT secret, which this stand-in does not have.
    if (alg.startsWith('HS')) throw new Error('no shared secret');
    await compactVerify(token, keys.publicKey, { algorithms: ['ES256'] });
  } catch {
    return fail('signature', 'JwtSignatureError: Failed to validate JWT signature', ':signature_error');
  }
  const now = Math.floor(Date.now() / 1000);
  if (claims.exp !== undefined) {
    if (typeof claims.exp !== 'number') return fail('other', 'Unknown Error on Channel', 'Token expiration time is invalid');
    if (!(claims.exp > now)) {
      const message = expiredMessage(Math.round(claims.exp), now);
      return fail('expired', `InvalidJWTToken: ${message}`, message);
    }
  }
  if (claims.iat !== undefined && typeof claims.iat !== 'number') {
    return fail('other', 'Unknown Error on Channel', 'Token issued-at time is invalid');
  }
  if (typeof claims.role !== 'string' || typeof claims.exp !== 'number') {
    return fail('missing_claims', `InvalidJWTToken: ${MISSING}`, MISSING);
  }
  const rounded = { ...claims, exp: Math.round(claims.exp) } as RealtimeClaims;
  if (typeof claims.iat === 'number') rounded.iat = Math.round(claims.iat);
  return { ok: true, claims: rounded };
}

/** What Supabase's gateway turns an API key into: a token of the key's role that does not expire here. */
export function apiKeyClaims(role: 'anon' | 'service_role'): RealtimeClaims {
  const now = Math.floor(Date.now() / 1000);
  return { role, iss: 'supabase', iat: now, exp: now + 10 * 365 * 24 * 3600 };
}
