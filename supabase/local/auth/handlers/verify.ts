import type { AuthServices } from '../context.ts';
import { AuthHttpError, badRequest, unprocessable } from '../errors.ts';
import { issueAuthCode, methodForVerifyType } from '../flow-state.ts';
import { json, parseBody, redirect, type HandlerResult, type RequestContext } from '../http.ts';
import { PKCE_PREFIX, tokenHash } from '../one-time-tokens.ts';
import { resolveRedirect } from '../redirect.ts';
import type { Route } from '../route.ts';
import { verifyBodySchema } from '../schemas.ts';
import { issueSession, type TokenResponse } from '../sessions.ts';
import { clientMeta, redirectInputs, validateEmail } from '../validate.ts';
import { applyVerification, asEmailVerifyType, findVerifiableToken } from './verify-core.ts';

const LINK_INVALID = 'Email link is invalid or has expired';
const CODE_INVALID = 'Token has expired or is invalid';
const SINGLE_CONFIRMATION = 'Confirmation link accepted. Please proceed to confirm link sent to the other email';
const OAUTH_ERRORS: Record<number, string> = { 400: 'invalid_request', 401: 'unauthorized_client', 403: 'access_denied', 500: 'server_error' };

/**
 * GET /verify: the link in an email. Redirects to redirect_to with the session
 * in the fragment (implicit flow), with ?code= (PKCE, token prefixed `pkce_`),
 * with #message= when an email change awaits its second link, or with
 * error/error_code/error_description (fragment; also query for PKCE).
 */
async function verifyGet(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  s.limiter.hitIp('verify', ctx.ip);
  const token = ctx.url.searchParams.get('token') ?? '';
  const type = ctx.url.searchParams.get('type') ?? '';
  const { requested, referer } = redirectInputs(ctx);
  const redirectTo = resolveRedirect(s.config, requested, referer);
  if (!type) throw badRequest('validation_failed', 'Verify requires a verification type');
  if (!token) throw badRequest('validation_failed', 'Verify requires a token or a token hash');
  const pkce = token.startsWith(PKCE_PREFIX);

  let outcome: { session: TokenResponse } | { code: string } | { message: string };
  try {
    outcome = await s.sql.begin(async (tx) => {
      const emailType = asEmailVerifyType(type);
      const { found, type: resolved } = await findVerifiableToken(tx, s, emailType, token, LINK_INVALID);
      const applied = await applyVerification(tx, s, resolved, found);
      if (applied.kind === 'pending_other_email') return { message: SINGLE_CONFIRMATION };
      if (!pkce) return { session: await issueSession(tx, s, applied.user, 'otp', clientMeta(ctx)) };
      const method = methodForVerifyType(resolved);
      if (!method) throw badRequest('validation_failed', 'Unsupported verification type');
      return { code: await issueAuthCode(tx, applied.user.id, method) };
    });
  } catch (error) {
    if (error instanceof AuthHttpError) return redirect(errorRedirect(redirectTo, error, pkce));
    throw error;
  }

  const target = new URL(redirectTo);
  if ('code' in outcome) {
    target.searchParams.set('code', outcome.code);
    return redirect(target.toString());
  }
  if ('message' in outcome) {
    if (pkce) target.searchParams.set('message', outcome.message);
    target.hash = new URLSearchParams({ message: outcome.message }).toString();
    return redirect(target.toString());
  }
  const session = outcome.session;
  const fragment = new URLSearchParams({
    access_token: session.access_token,
    expires_at: String(session.expires_at),
    expires_in: String(session.expires_in),
    refresh_token: session.refresh_token,
    token_type: session.token_type,
    type,
  });
  return redirect(`${redirectTo}#${fragment.toString()}`);
}

function errorRedirect(redirectTo: string, error: AuthHttpError, pkce: boolean): string {
  const target = new URL(redirectTo);
  const params = new URLSearchParams();
  const oauth = OAUTH_ERRORS[error.status];
  if (oauth) params.set('error', oauth);
  params.set('error_code', error.code);
  params.set('error_description', error.message);
  if (pkce) for (const [key, value] of params) target.searchParams.set(key, value);
  target.hash = params.toString();
  return target.toString();
}

/** POST /verify: a typed-in code (email + token) or a token_hash; answers with a session. */
async function verifyPost(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  s.limiter.hitIp('verify', ctx.ip);
  const body = await parseBody(ctx, verifyBodySchema);
  if (!body.type) throw badRequest('validation_failed', 'Verify requires a verification type');
  if (Boolean(body.token) === Boolean(body.token_hash)) {
    throw badRequest('validation_failed', 'Verify requires either a token or a token hash');
  }
  let hash: string;
  let message: string;
  if (body.token) {
    if (body.phone && !body.email) throw badRequest('phone_provider_disabled', 'Unsupported phone provider');
    if (!body.email || body.phone) {
      throw badRequest('validation_failed', 'Only an email address or phone number should be provided on verify');
    }
    let email: string;
    try {
      email = validateEmail(body.email);
    } catch {
      throw unprocessable('validation_failed', 'Invalid email format');
    }
    hash = tokenHash(email, body.token.replaceAll('-', '').trim());
    message = CODE_INVALID;
  } else {
    if (body.email || body.phone || body.redirect_to) {
      throw badRequest('validation_failed', 'Only the token_hash and type should be provided');
    }
    hash = body.token_hash ?? '';
    message = LINK_INVALID;
  }
  const emailType = asEmailVerifyType(body.type);
  const result = await s.sql.begin(async (tx) => {
    const { found, type } = await findVerifiableToken(tx, s, emailType, hash, message);
    const applied = await applyVerification(tx, s, type, found);
    if (applied.kind === 'pending_other_email') return null;
    return issueSession(tx, s, applied.user, 'otp', clientMeta(ctx));
  });
  if (!result) return json({ msg: SINGLE_CONFIRMATION, code: '200' });
  return json(result);
}

export const verifyRoutes: Route[] = [
  { method: 'GET', path: '/verify', open: true, handler: verifyGet },
  { method: 'POST', path: '/verify', open: true, handler: verifyPost },
];
