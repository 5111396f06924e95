import crypto from 'node:crypto';
import type { JWTPayload } from 'jose';
import type { AuthServices } from './context.ts';
import { GatewayError, badRequest, forbidden, unauthorized } from './errors.ts';
import { header, type RequestContext } from './http.ts';
import { findUserById, isUuid, type UserRow } from './users.ts';

/**
 * What Supabase's API gateway does before GoTrue sees a request: the `apikey`
 * header (or query parameter) must be the publishable or the secret key; when
 * the Authorization header is missing or carries that same key, the request
 * continues as that key's role (anon / service_role), otherwise the bearer JWT
 * decides. Secret keys are refused from browsers.
 */
export function resolveApiKey(services: Pick<AuthServices, 'keys'>, ctx: Pick<RequestContext, 'req' | 'url'>) {
  const key = header(ctx.req, 'apikey') ?? ctx.url.searchParams.get('apikey');
  if (!key) {
    throw new GatewayError(401, 'No API key found in request', 'No `apikey` request header or url param was found.');
  }
  if (safeEqual(key, services.keys.publishableKey)) return { key, role: 'anon' as const };
  if (safeEqual(key, services.keys.secretKey)) {
    if ((header(ctx.req, 'user-agent') ?? '').startsWith('Mozilla/')) {
      throw new GatewayError(401, 'Forbidden use of secret API key in browser', 'Secret API keys can only be used in a protected environment and should never be used in a browser.');
    }
    return { key, role: 'service_role' as const };
  }
  throw new GatewayError(401, 'Invalid API key', 'Double check your Supabase `anon` or `service_role` API key.');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function bearer(ctx: RequestContext): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header(ctx.req, 'authorization') ?? '');
  return match?.[1] ?? null;
}

/** Claims of the caller: the verified JWT, or the API key's role when the bearer is that key. */
export async function callerClaims(ctx: RequestContext, services: AuthServices): Promise<JWTPayload> {
  const token = bearer(ctx);
  // The gateway stands in a token of the key's role when there is no bearer or the bearer is the key itself.
  if (ctx.apiKeyRole && (!token || token === ctx.apiKey)) return { role: ctx.apiKeyRole };
  if (!token) throw unauthorized('no_authorization', 'This endpoint requires a valid Bearer token');
  return services.tokens.verify(token);
}

export interface Caller {
  claims: JWTPayload;
  user: UserRow;
  sessionId: string | null;
}

/** GoTrue's requireAuthentication: a valid JWT whose user and session still exist. */
export async function requireUser(ctx: RequestContext, services: AuthServices): Promise<Caller> {
  const claims = await callerClaims(ctx, services);
  if (typeof claims.sub !== 'string' || claims.sub === '') throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  if (!isUuid(claims.sub)) throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID');
  const user = await findUserById(services.sql, claims.sub);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  const sessionId = typeof claims.session_id === 'string' && claims.session_id !== '' ? claims.session_id : null;
  if (sessionId) {
    if (!isUuid(sessionId)) throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID');
    const [session] = await services.sql`select 1 from auth.sessions where id = ${sessionId}`;
    if (!session) throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
  }
  return { claims, user, sessionId };
}

const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);

/** GoTrue's requireAdmin: the caller's role claim must be an admin role (the secret key maps to service_role). */
export async function requireAdmin(ctx: RequestContext, services: AuthServices): Promise<void> {
  const claims = await callerClaims(ctx, services);
  if (typeof claims.role !== 'string' || !ADMIN_ROLES.has(claims.role)) throw forbidden('not_admin', 'User not allowed');
}
