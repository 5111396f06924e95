import crypto from 'node:crypto';
import type { AuthServices } from '../context.ts';
import { sendConfirmation } from '../emails.ts';
import { badRequest, unprocessable } from '../errors.ts';
import { createFlowState, isPkce, pkceParams } from '../flow-state.ts';
import { json, parseBody, type HandlerResult, type RequestContext } from '../http.ts';
import { hashPassword } from '../password.ts';
import { checkPasswordStrength } from '../password-policy.ts';
import { resolveRedirect } from '../redirect.ts';
import type { Route } from '../route.ts';
import { signupBodySchema } from '../schemas.ts';
import { issueSession } from '../sessions.ts';
import { userJson } from '../user-json.ts';
import { confirmEmail, createUser, findUserByEmail, isConfirmed, reloadUser, type JsonObject } from '../users.ts';
import { clientMeta, redirectInputs, validateEmail } from '../validate.ts';

/**
 * POST /signup. New users get a confirmation mail (or a session at once when
 * confirmation is off). An unconfirmed existing user gets the mail again; a
 * confirmed one gets an obfuscated user object (random id, no identities), so
 * the answer does not reveal the account, exactly as GoTrue does.
 */
async function signup(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  s.limiter.hitIp('signup', ctx.ip);
  if (!s.config.signupEnabled) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
  const body = await parseBody(ctx, signupBodySchema);
  const password = body.password ?? '';
  if (!password) throw badRequest('validation_failed', 'Signup requires a valid password');
  checkPasswordStrength(password, s.config);
  if (body.email && body.phone) {
    throw badRequest('validation_failed', 'Only an email address or phone number should be provided on signup.');
  }
  const pkce = pkceParams(body.code_challenge, body.code_challenge_method);
  if (!body.email) {
    if (body.phone) throw badRequest('phone_provider_disabled', 'Phone signups are disabled');
    throw badRequest('validation_failed', 'Sign up only available with email provider');
  }
  const email = validateEmail(body.email);
  // Per-address limit on confirmation mails (counted for known and unknown addresses alike).
  if (s.config.requireEmailConfirmation) s.limiter.hitEmail('signup', email);
  const { requested, referer } = redirectInputs(ctx);
  const redirectTo = resolveRedirect(s.config, requested, referer);
  const data = body.data ?? {};
  const passwordHash = await hashPassword(password);

  const outcome = await s.sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext(${`signup:${email}`}))`;
    let user = await findUserByEmail(tx, email);
    if (user && isConfirmed(user)) return { kind: 'exists' as const };
    user ??= await createUser(tx, { email, passwordHash, userMetadata: data });
    if (!s.config.requireEmailConfirmation) {
      await confirmEmail(tx, user.id);
      return { kind: 'session' as const, session: await issueSession(tx, s, await reloadUser(tx, user.id), 'password', clientMeta(ctx)) };
    }
    await createFlowState(tx, user.id, 'email/signup', pkce);
    await sendConfirmation(tx, s, user, isPkce(pkce), redirectTo);
    return { kind: 'user' as const, user: await userJson(tx, await reloadUser(tx, user.id)) };
  });

  if (outcome.kind === 'session') return json(outcome.session);
  if (outcome.kind === 'user') return json(outcome.user);
  if (!s.config.requireEmailConfirmation) throw unprocessable('user_already_exists', 'User already registered');
  return json(obfuscatedUser(email, data));
}

function obfuscatedUser(email: string, data: JsonObject): JsonObject {
  const now = new Date().toISOString();
  return {
    id: crypto.randomUUID(),
    aud: 'authenticated',
    role: '',
    email,
    phone: '',
    confirmation_sent_at: now,
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: data,
    identities: [],
    created_at: now,
    updated_at: now,
    is_anonymous: false,
  };
}

export const signupRoutes: Route[] = [{ method: 'POST', path: '/signup', handler: signup }];
