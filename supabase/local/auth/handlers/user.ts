import type { AuthServices } from '../context.ts';
import { sendEmailChange } from '../emails.ts';
import { badRequest, forbidden, unprocessable } from '../errors.ts';
import { createFlowState, isPkce, pkceParams } from '../flow-state.ts';
import { requireUser } from '../guards.ts';
import { json, parseBody, type HandlerResult, type RequestContext } from '../http.ts';
import { clearTokens } from '../one-time-tokens.ts';
import { hashPassword, verifyPassword } from '../password.ts';
import { checkPasswordStrength } from '../password-policy.ts';
import { resolveRedirect } from '../redirect.ts';
import type { Route } from '../route.ts';
import { userUpdateSchema } from '../schemas.ts';
import { endSessions } from '../sessions.ts';
import { userJson } from '../user-json.ts';
import { findUserByEmail, mergeMetadata, reloadUser } from '../users.ts';
import { redirectInputs, validateEmail } from '../validate.ts';

async function getUser(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  const caller = await requireUser(ctx, s);
  const aud = caller.claims.aud;
  if ((Array.isArray(aud) ? aud[0] : aud) !== (caller.user.aud ?? 'authenticated')) {
    throw badRequest('validation_failed', "Token audience doesn't match request audience");
  }
  return json(await userJson(s.sql, caller.user));
}

/**
 * PUT /user. A new email is not applied: it gets confirmation links (to the new
 * address and, with secure email change, the current one) and shows as
 * new_email until confirmed. A new password signs out the user's other sessions.
 */
async function updateUser(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  const caller = await requireUser(ctx, s);
  const body = await parseBody(ctx, userUpdateSchema);
  const user = caller.user;
  const email = body.email ? validateEmail(body.email) : null;
  if (body.phone) throw unprocessable('phone_provider_disabled', 'Unsupported phone provider');
  const password = body.password ?? null;
  if (password !== null) checkPasswordStrength(password, s.config);
  if (body.app_metadata) throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');
  const pkce = pkceParams(body.code_challenge, body.code_challenge_method);
  const changesEmail = email !== null && email !== user.email;
  if (changesEmail) {
    const taken = await findUserByEmail(s.sql, email);
    if (taken && taken.id !== user.id) {
      throw unprocessable('email_exists', 'A user with this email address has already been registered');
    }
    s.limiter.hitEmail('emailChange', user.email ?? email);
  }
  let passwordHash: string | null = null;
  if (password) {
    if (await verifyPassword(s.sql, password, user.encrypted_password)) {
      throw unprocessable('same_password', 'New password should be different from the old password.');
    }
    passwordHash = await hashPassword(password);
  }
  const { requested, referer } = redirectInputs(ctx);
  const redirectTo = resolveRedirect(s.config, requested, referer);

  const updated = await s.sql.begin(async (tx) => {
    if (password !== null) {
      await tx`
        update auth.users set encrypted_password = ${passwordHash ?? ''}, confirmation_sent_at = null, recovery_sent_at = null,
          email_change_sent_at = null, reauthentication_sent_at = null, updated_at = now()
        where id = ${user.id}`;
      await clearTokens(tx, user.id);
      await endSessions(tx, 'others', user.id, caller.sessionId);
    }
    if (body.data) await mergeMetadata(tx, user.id, 'user', body.data);
    if (changesEmail && email) {
      const current = await reloadUser(tx, user.id);
      await createFlowState(tx, user.id, 'email_change', pkce);
      await sendEmailChange(tx, s, current, email, isPkce(pkce), redirectTo);
    }
    return userJson(tx, await reloadUser(tx, user.id));
  });
  return json(updated);
}

/** POST /logout?scope=global|local|others (default global): the sessions end and their refresh tokens stop working. */
async function logout(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  const raw = ctx.url.searchParams.get('scope') ?? '';
  const scope = raw === '' ? 'global' : raw;
  if (scope !== 'global' && scope !== 'local' && scope !== 'others') {
    throw badRequest('validation_failed', `Unsupported logout scope "${raw}"`);
  }
  const caller = await requireUser(ctx, s);
  await s.sql.begin((tx) => endSessions(tx, scope, caller.user.id, caller.sessionId));
  return { type: 'empty', status: 204 };
}

export const userRoutes: Route[] = [
  { method: 'GET', path: '/user', handler: getUser },
  { method: 'PUT', path: '/user', handler: updateUser },
  { method: 'POST', path: '/logout', handler: logout },
];
