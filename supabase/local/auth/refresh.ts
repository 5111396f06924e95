/** POST /token?grant_type=refresh_token: rotation and reuse detection over auth.refresh_tokens. */
import type { AuthServices } from './context.ts';
import { badRequest } from './errors.ts';
import { insertRefreshToken, newRefreshToken, tokenResponse, type ClientMeta, type TokenResponse } from './sessions.ts';
import { isBanned, reloadUser } from './users.ts';

interface RefreshRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  updated_at: Date;
  parent: string | null;
  session_id: string | null;
}

type RefreshOutcome = { ok: TokenResponse } | { error: Error };

/**
 * The refresh_token grant. Each use rotates the token. A rotated (revoked) token
 * presented again within the reuse interval (a client that lost the response, or
 * two tabs refreshing at once) gets the session's current token back; later it is
 * reuse: every token of the session is revoked, and that revocation is committed
 * before the 400 refresh_token_already_used. (GoTrue also forgives the current
 * token's parent at any time; this server does not.)
 */
export async function refreshSession(services: AuthServices, token: string, meta: ClientMeta): Promise<TokenResponse> {
  const outcome = await services.sql.begin(async (tx): Promise<RefreshOutcome> => {
    const [row] = await tx<RefreshRow[]>`
      select id::text, token, user_id, revoked, updated_at, parent, session_id
      from auth.refresh_tokens where token = ${token} for update`;
    if (!row) return { error: badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found') };
    if (!row.session_id) return { error: badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found') };
    const [session] = await tx<{ id: string; not_after: Date | null }[]>`
      select id, not_after from auth.sessions where id = ${row.session_id} for update`;
    if (!session) return { error: badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found') };
    if (session.not_after && session.not_after.getTime() < Date.now()) {
      return { error: badRequest('session_expired', 'Invalid Refresh Token: Session Expired') };
    }
    const user = await reloadUser(tx, row.user_id);
    if (isBanned(user)) return { error: badRequest('user_banned', 'Invalid Refresh Token: User Banned') };

    let issued: string;
    if (row.revoked) {
      const [active] = await tx<RefreshRow[]>`
        select id::text, token, user_id, revoked, updated_at, parent, session_id from auth.refresh_tokens
        where session_id = ${row.session_id} and revoked = false order by id desc limit 1`;
      const windowEnd = row.updated_at.getTime() + services.config.refreshTokenReuseIntervalSeconds * 1000;
      if (!active || Date.now() > windowEnd) {
        await tx`update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = ${row.session_id} and revoked = false`;
        services.log(`auth: refresh token reuse detected; revoked every token of session ${row.session_id}`);
        return { error: badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used') };
      }
      issued = active.token;
    } else {
      issued = newRefreshToken();
      await tx`update auth.refresh_tokens set revoked = true, updated_at = now() where id = ${row.id}`;
      await insertRefreshToken(tx, row.user_id, row.session_id, issued, row.token);
    }
    await tx`
      update auth.sessions set refreshed_at = now() at time zone 'utc', updated_at = now(), user_agent = ${meta.userAgent}, ip = ${meta.ip}
      where id = ${row.session_id}`;
    return { ok: await tokenResponse(tx, services, user, row.session_id, issued) };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.ok;
}
