import crypto from 'node:crypto';
import type { AuthServices } from './context.ts';
import type { Db } from './db.ts';
import { userJson } from './user-json.ts';
import { reloadUser, type JsonObject, type UserRow } from './users.ts';

/** GoTrue's AccessTokenResponse. */
export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: JsonObject;
  weak_password?: { message: string; reasons: string[] };
}

export interface ClientMeta {
  ip: string;
  userAgent: string | null;
}

const INSTANCE_ID = '00000000-0000-0000-0000-000000000000';

/** Opaque refresh token (GoTrue stores them as-is in auth.refresh_tokens.token). */
export function newRefreshToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** Starts a session: session row, amr claim, first refresh token; updates last_sign_in_at. */
export async function issueSession(
  db: Db,
  services: AuthServices,
  user: UserRow,
  method: string,
  meta: ClientMeta,
): Promise<TokenResponse> {
  const sessionId = crypto.randomUUID();
  await db`
    insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
    values (${sessionId}, ${user.id}, now(), now(), 'aal1', ${meta.userAgent}, ${meta.ip})`;
  await db`
    insert into auth.mfa_amr_claims (id, session_id, authentication_method, created_at, updated_at)
    values (${crypto.randomUUID()}, ${sessionId}, ${method}, now(), now())`;
  const refreshToken = newRefreshToken();
  await insertRefreshToken(db, user.id, sessionId, refreshToken, null);
  await db`update auth.users set last_sign_in_at = now(), updated_at = now() where id = ${user.id}`;
  await db`update auth.identities set last_sign_in_at = now() where user_id = ${user.id} and provider = 'email'`;
  return tokenResponse(db, services, await reloadUser(db, user.id), sessionId, refreshToken);
}

export async function insertRefreshToken(db: Db, userId: string, sessionId: string, token: string, parent: string | null) {
  await db`
    insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
    values (${INSTANCE_ID}, ${token}, ${userId}, false, now(), now(), ${parent}, ${sessionId})`;
}

/** Signs a fresh access token for the session and wraps it with the refresh token and user. */
export async function tokenResponse(
  db: Db,
  services: AuthServices,
  user: UserRow,
  sessionId: string,
  refreshToken: string,
): Promise<TokenResponse> {
  const { config, tokens } = services;
  const claims = await db<{ authentication_method: string; updated_at: Date }[]>`
    select authentication_method, updated_at from auth.mfa_amr_claims
    where session_id = ${sessionId} order by updated_at desc`;
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + config.accessTokenExpirySeconds;
  const accessToken = await tokens.sign({
    iss: config.issuer,
    sub: user.id,
    aud: user.aud ?? 'authenticated',
    exp,
    iat,
    email: user.email ?? '',
    phone: user.phone ?? '',
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    role: user.role ?? 'authenticated',
    aal: 'aal1',
    amr: claims.map((c) => ({ method: c.authentication_method, timestamp: Math.floor(c.updated_at.getTime() / 1000) })),
    session_id: sessionId,
    is_anonymous: user.is_anonymous,
  });
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: config.accessTokenExpirySeconds,
    expires_at: exp,
    refresh_token: refreshToken,
    user: await userJson(db, user),
  };
}

/** Ends sessions: `local` this one, `others` all but this one, `global` all of the user's. */
export async function endSessions(db: Db, scope: 'global' | 'local' | 'others', userId: string, sessionId: string | null) {
  if (!sessionId) {
    await db`delete from auth.refresh_tokens where user_id = ${userId}`;
    return;
  }
  if (scope === 'local') await db`delete from auth.sessions where id = ${sessionId}`;
  else if (scope === 'others') await db`delete from auth.sessions where user_id = ${userId} and id <> ${sessionId}`;
  else await db`delete from auth.sessions where user_id = ${userId}`;
}
