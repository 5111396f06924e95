import type { AuthServices } from '../context.ts';
import { OAuthStyleError, badRequest, unprocessable } from '../errors.ts';
import { exchangeAuthCode } from '../flow-state.ts';
import { json, parseBody, type HandlerResult, type RequestContext } from '../http.ts';
import { verifyPassword } from '../password.ts';
import { signInWeakness } from '../password-policy.ts';
import type { Route } from '../route.ts';
import { passwordGrantSchema, pkceGrantSchema, refreshGrantSchema } from '../schemas.ts';
import { refreshSession } from '../refresh.ts';
import { issueSession } from '../sessions.ts';
import { findUserByEmail, isBanned, isConfirmed, reloadUser } from '../users.ts';
import { clientMeta } from '../validate.ts';

const INVALID_LOGIN = 'Invalid login credentials';

/** POST /token?grant_type=password|refresh_token|pkce */
async function token(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  const grant = ctx.url.searchParams.get('grant_type');
  if (grant !== 'password' && grant !== 'refresh_token' && grant !== 'pkce') {
    throw badRequest('invalid_credentials', 'unsupported_grant_type');
  }
  s.limiter.hitIp('token', ctx.ip);
  if (grant === 'password') return passwordGrant(ctx, s);
  if (grant === 'pkce') return pkceGrant(ctx, s);
  const body = await parseBody(ctx, refreshGrantSchema);
  if (!body.refresh_token) throw new OAuthStyleError('invalid_request', 'refresh_token required');
  return json(await refreshSession(s, body.refresh_token, clientMeta(ctx)));
}

/**
 * Password sign-in. The password is always hashed and compared in constant time,
 * also for unknown addresses, so timing does not reveal which emails exist.
 */
async function passwordGrant(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  const body = await parseBody(ctx, passwordGrantSchema);
  if (body.email && body.phone) {
    throw badRequest('validation_failed', 'Only an email address or phone number should be provided on login.');
  }
  if (!body.email) {
    if (body.phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
    throw badRequest('validation_failed', 'missing email or phone');
  }
  s.limiter.hitEmail('token', body.email);
  const password = body.password ?? '';
  const user = await findUserByEmail(s.sql, body.email);
  const valid = await verifyPassword(s.sql, password, user?.encrypted_password);
  if (!user || !valid) throw badRequest('invalid_credentials', INVALID_LOGIN);
  if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
  if (!isConfirmed(user)) throw badRequest('email_not_confirmed', 'Email not confirmed');
  const session = await s.sql.begin((tx) => issueSession(tx, s, user, 'password', clientMeta(ctx)));
  const weak = signInWeakness(password, s.config);
  return json(weak ? { ...session, weak_password: weak } : session);
}

async function pkceGrant(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  const body = await parseBody(ctx, pkceGrantSchema);
  if (!body.auth_code || !body.code_verifier) {
    throw badRequest('validation_failed', 'invalid request: both auth code and code verifier should be non-empty');
  }
  const authCode = body.auth_code;
  const verifier = body.code_verifier;
  const session = await s.sql.begin(async (tx) => {
    const flow = await exchangeAuthCode(tx, authCode, verifier, s.config.flowStateExpirySeconds);
    const user = await reloadUser(tx, flow.userId);
    if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
    return issueSession(tx, s, user, flow.method, clientMeta(ctx));
  });
  return json(session);
}

export const tokenRoutes: Route[] = [{ method: 'POST', path: '/token', handler: token }];
