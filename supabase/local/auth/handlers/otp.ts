import type { AuthServices } from '../context.ts';
import { sendConfirmation, sendEmailChange, sendRecoveryLike } from '../emails.ts';
import { badRequest, unprocessable } from '../errors.ts';
import { createFlowState, isPkce, pkceParams } from '../flow-state.ts';
import { json, parseBody, type HandlerResult, type RequestContext } from '../http.ts';
import { hashPassword, randomPassword } from '../password.ts';
import { resolveRedirect } from '../redirect.ts';
import type { Route } from '../route.ts';
import { otpBodySchema, recoverBodySchema, resendBodySchema } from '../schemas.ts';
import { confirmEmail, createUser, findUserByEmail, isConfirmed, reloadUser } from '../users.ts';
import { redirectInputs, validateEmail } from '../validate.ts';

/**
 * POST /otp (magic link and email code), POST /recover, POST /resend. All answer
 * `{}` whether or not the address has an account, and count requests per address
 * before looking it up, so neither the body nor a 429 reveals an account.
 */
async function otp(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  s.limiter.hitIp('otp', ctx.ip);
  const body = await parseBody(ctx, otpBodySchema);
  if (body.email && body.phone) throw badRequest('validation_failed', 'Only an email address or phone number should be provided');
  if (body.email && body.channel) throw badRequest('validation_failed', 'Channel should only be specified with Phone OTP');
  const pkce = pkceParams(body.code_challenge, body.code_challenge_method);
  if (!body.email) {
    if (body.phone) throw badRequest('phone_provider_disabled', 'Unsupported phone provider');
    throw badRequest('validation_failed', 'One of email or phone must be set');
  }
  const email = validateEmail(body.email);
  s.limiter.hitEmail('otp', email);
  const { requested, referer } = redirectInputs(ctx);
  const redirectTo = resolveRedirect(s.config, requested, referer);
  const createIfMissing = body.create_user ?? true;

  await s.sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext(${`signup:${email}`}))`;
    let user = await findUserByEmail(tx, email);
    if (!user) {
      // GoTrue answers 422 otp_disabled here; this server stays silent (no enumeration).
      if (!createIfMissing) return;
      if (!s.config.signupEnabled) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
      user = await createUser(tx, { email, passwordHash: await hashPassword(randomPassword()), userMetadata: body.data ?? {} });
    }
    if (!isConfirmed(user)) {
      if (s.config.requireEmailConfirmation) {
        // The confirmation mail doubles as the magic link for new users.
        await createFlowState(tx, user.id, 'email/signup', pkce);
        await sendConfirmation(tx, s, user, isPkce(pkce), redirectTo);
        return;
      }
      await confirmEmail(tx, user.id);
      user = await reloadUser(tx, user.id);
    }
    await createFlowState(tx, user.id, 'magiclink', pkce);
    await sendRecoveryLike(tx, s, user, 'magiclink', isPkce(pkce), redirectTo);
  });
  return json({});
}

async function recover(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  s.limiter.hitIp('recover', ctx.ip);
  const body = await parseBody(ctx, recoverBodySchema);
  if (!body.email) throw unprocessable('validation_failed', 'Password recovery requires an email');
  const email = validateEmail(body.email);
  const pkce = pkceParams(body.code_challenge, body.code_challenge_method);
  s.limiter.hitEmail('recover', email);
  const { requested, referer } = redirectInputs(ctx);
  const redirectTo = resolveRedirect(s.config, requested, referer);
  await s.sql.begin(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user) return;
    await createFlowState(tx, user.id, 'recovery', pkce);
    await sendRecoveryLike(tx, s, user, 'recovery', isPkce(pkce), redirectTo);
  });
  return json({});
}

async function resend(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  s.limiter.hitIp('otp', ctx.ip);
  const body = await parseBody(ctx, resendBodySchema);
  if (body.type !== 'signup' && body.type !== 'email_change') {
    if (body.type === 'sms' || body.type === 'phone_change') throw badRequest('phone_provider_disabled', 'Unsupported phone provider');
    throw badRequest('validation_failed', 'Missing one of these types: signup, email_change, sms, phone_change');
  }
  const email = validateEmail(body.email);
  const pkce = pkceParams(body.code_challenge, body.code_challenge_method);
  const type = body.type;
  s.limiter.hitEmail(type === 'signup' ? 'signup' : 'emailChange', email);
  const { requested, referer } = redirectInputs(ctx);
  const redirectTo = resolveRedirect(s.config, requested, referer);
  await s.sql.begin(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user) return;
    if (type === 'signup') {
      if (isConfirmed(user)) return;
      await createFlowState(tx, user.id, 'email/signup', pkce);
      await sendConfirmation(tx, s, user, isPkce(pkce), redirectTo);
      return;
    }
    if (!user.email_change) return;
    await createFlowState(tx, user.id, 'email_change', pkce);
    await sendEmailChange(tx, s, user, user.email_change, isPkce(pkce), redirectTo);
  });
  return json({});
}

export const otpRoutes: Route[] = [
  { method: 'POST', path: '/otp', handler: otp },
  { method: 'POST', path: '/magiclink', handler: otp },
  { method: 'POST', path: '/recover', handler: recover },
  { method: 'POST', path: '/resend', handler: resend },
];
