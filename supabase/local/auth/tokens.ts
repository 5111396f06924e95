import { SignJWT, errors as joseErrors, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { forbidden } from './errors.ts';
import type { AuthKeys } from './keys.ts';
import type { JsonObject } from './users.ts';

/** GoTrue's access token claims (AccessTokenClaims). */
export interface AccessTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  exp: number;
  iat: number;
  email: string;
  phone: string;
  app_metadata: JsonObject;
  user_metadata: JsonObject;
  role: string;
  aal: 'aal1';
  amr: { method: string; timestamp: number }[];
  session_id: string;
  is_anonymous: boolean;
}

export interface TokenService {
  sign(claims: AccessTokenClaims): Promise<string>;
  /** Verifies a bearer JWT signed by this server's key; 403 bad_jwt otherwise, worded as GoTrue does. */
  verify(token: string): Promise<JWTPayload>;
  jwks(): { keys: JWK[] };
}

export function createTokenService(keys: AuthKeys): TokenService {
  return {
    async sign(claims) {
      return new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: keys.kid, typ: 'JWT' })
        .sign(keys.privateKey);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, keys.publicKey, { algorithms: ['ES256'] });
        return payload;
      } catch (error) {
        throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${describe(error)}`);
      }
    },
    jwks() {
      return { keys: [keys.publicJwk] };
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'token has invalid claims: token is expired';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'token is unverifiable: signing method not allowed';
  if (error instanceof joseErrors.JOSEError) return `token is malformed: ${error.message}`;
  return 'token is malformed';
}
