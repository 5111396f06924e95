import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { env } from '@/lib/env';
import { verifiedClaimsSchema, type VerifiedClaims } from './claims';

/**
 * The one access-token verifier of this process, shared by middleware, pages,
 * server actions and routes (globalThis: Next.js bundles them separately). It
 * holds the auth server's JWKS and the imported keys: a token signed with an
 * unknown `kid` refetches the set (at most every 30 s), and the set is refetched
 * on first use after 10 minutes, as hosted key rotation requires. Only
 * asymmetric keys: a project on a legacy shared secret must switch to signing
 * keys (README).
 */
const REFRESH_MS = 10 * 60_000;
const ALGORITHMS = ['ES256', 'RS256', 'EdDSA'];

interface Verifier {
  jwksUrl: string;
  keys: JWTVerifyGetKey;
}
const store = globalThis as unknown as { __tenantforgeVerifier?: Verifier };

function verifier(): Verifier {
  const jwksUrl = `${env().NEXT_PUBLIC_SUPABASE_URL.replace(/\/+$/, '')}/auth/v1/.well-known/jwks.json`;
  if (store.__tenantforgeVerifier?.jwksUrl !== jwksUrl) {
    store.__tenantforgeVerifier = {
      jwksUrl,
      keys: createRemoteJWKSet(new URL(jwksUrl), { cacheMaxAge: REFRESH_MS, cooldownDuration: 30_000, timeoutDuration: 5_000 }),
    };
  }
  return store.__tenantforgeVerifier;
}

/** The claims of a valid, unexpired access token signed by the auth server, or null. */
export async function verifyAccessToken(token: string): Promise<VerifiedClaims | null> {
  if (!token || token.length > 16_384) return null;
  try {
    const { payload } = await jwtVerify(token, verifier().keys, { algorithms: ALGORITHMS });
    const parsed = verifiedClaimsSchema.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** True when the request carries a Supabase session cookie (possibly chunked: `.0`, `.1`, …). */
export function hasSessionCookie(names: Iterable<string>): boolean {
  for (const name of names) if (/^sb-.+-auth-token(\.\d+)?$/.test(name)) return true;
  return false;
}
