import type { AuthServices } from '../context.ts';
import type { Db } from '../db.ts';
import { sendInvite } from '../emails.ts';
import { badRequest, notFound, unprocessable } from '../errors.ts';
import { requireAdmin } from '../guards.ts';
import { json, parseBody, type HandlerResult, type RequestContext } from '../http.ts';
import type { MailKind } from '../mailer.ts';
import { generateOtp, storeToken, tokenHash, type TokenType } from '../one-time-tokens.ts';
import { hashPassword, randomPassword } from '../password.ts';
import { checkPasswordStrength } from '../password-policy.ts';
import { isRedirectAllowed, resolveRedirect } from '../redirect.ts';
import type { Route } from '../route.ts';
import { generateLinkSchema, inviteBodySchema } from '../schemas.ts';
import { userJson } from '../user-json.ts';
import { createUser, findUserByEmail, isConfirmed, mergeMetadata, reloadUser, type JsonObject, type UserRow } from '../users.ts';
import { redirectInputs, validateEmail } from '../validate.ts';

const EMAIL_EXISTS = 'A user with this email address has already been registered';

/** POST /invite (admin): creates the user if needed and mails an invite link. */
async function invite(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  await requireAdmin(ctx, s);
  const body = await parseBody(ctx, inviteBodySchema);
  const email = validateEmail(body.email);
  const { requested, referer } = redirectInputs(ctx);
  const redirectTo = resolveRedirect(s.config, requested, referer);
  const user = await s.sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext(${`signup:${email}`}))`;
    const existing = await findUserByEmail(tx, email);
    if (existing && isConfirmed(existing)) throw unprocessable('email_exists', EMAIL_EXISTS);
    const target = existing ?? (await createUser(tx, { email, passwordHash: null, userMetadata: body.data ?? {} }));
    await sendInvite(tx, s, target, redirectTo);
    return userJson(tx, await reloadUser(tx, target.id));
  });
  return json(user);
}

const LINK_TYPES = ['signup', 'invite', 'magiclink', 'recovery', 'email_change_current', 'email_change_new'] as const;
type LinkType = (typeof LINK_TYPES)[number];

/**
 * POST /admin/generate_link: makes the same link an email would carry, without
 * sending it. Answers the user object flattened with action_link, email_otp,
 * hashed_token, verification_type and redirect_to.
 */
async function generateLink(ctx: RequestContext, s: AuthServices): Promise<HandlerResult> {
  await requireAdmin(ctx, s);
  const body = await parseBody(ctx, generateLinkSchema);
  const email = validateEmail(body.email);
  const requestedType = body.type ?? '';
  if (!(LINK_TYPES as readonly string[]).includes(requestedType)) {
    throw badRequest('validation_failed', `Invalid email action link type requested: ${requestedType}`);
  }
  let type = requestedType as LinkType;
  const { requested, referer } = redirectInputs(ctx);
  const redirectTo =
    body.redirect_to && isRedirectAllowed(s.config, body.redirect_to) ? body.redirect_to : resolveRedirect(s.config, requested, referer);
  const newEmail = type.startsWith('email_change') ? validateEmail(body.new_email) : null;
  if (type === 'email_change_current' && !s.config.secureEmailChange) {
    throw badRequest('validation_failed', 'Enable secure email change to generate link for current email');
  }
  let password = body.password ?? null;
  const existing = await findUserByEmail(s.sql, email);
  if (!existing) {
    if (type === 'magiclink') {
      type = 'signup';
      password = randomPassword();
    } else if (type !== 'signup' && type !== 'invite') {
      throw notFound('user_not_found', 'User with this email not found');
    }
  }
  if (type === 'signup' && !existing) {
    if (!password) throw badRequest('validation_failed', 'Signup requires a valid password');
    checkPasswordStrength(password, s.config);
  }
  const passwordHash = type === 'signup' && !existing && password ? await hashPassword(password) : null;

  const otp = generateOtp(s.config.otpLength);
  const result = await s.sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext(${`signup:${email}`}))`;
    let user = await findUserByEmail(tx, email);
    if ((type === 'signup' || type === 'invite') && user && isConfirmed(user)) throw unprocessable('email_exists', EMAIL_EXISTS);
    user ??= await createUser(tx, { email, passwordHash, userMetadata: body.data ?? {} });
    if (type === 'signup' && body.data && user.id === existing?.id) await mergeMetadata(tx, user.id, 'user', body.data);
    const token = await storeLinkToken(tx, user, type, otp, newEmail);
    const kind: MailKind = type;
    return { user: await reloadUser(tx, user.id), token, kind };
  });
  const response: JsonObject = {
    ...(await userJson(s.sql, result.user)),
    action_link: s.mailer.actionLink(result.token, result.kind, redirectTo),
    email_otp: otp,
    hashed_token: result.token,
    verification_type: type,
    redirect_to: redirectTo,
  };
  return json(response);
}

async function storeLinkToken(tx: Db, user: UserRow, type: LinkType, otp: string, newEmail: string | null): Promise<string> {
  const email = user.email ?? '';
  const storeAs = async (tokenType: TokenType, hash: string, relatesTo: string) => {
    await storeToken(tx, user, tokenType, hash, relatesTo);
    return hash;
  };
  switch (type) {
    case 'magiclink':
    case 'recovery':
      return storeAs('recovery_token', tokenHash(email, otp), email);
    case 'signup':
      return storeAs('confirmation_token', tokenHash(email, otp), email);
    case 'invite':
      await tx`update auth.users set invited_at = now() where id = ${user.id}`;
      return storeAs('confirmation_token', tokenHash(email, otp), email);
    case 'email_change_current':
    case 'email_change_new': {
      const target = newEmail ?? '';
      const taken = await findUserByEmail(tx, target);
      if (taken && taken.id !== user.id) throw unprocessable('email_exists', EMAIL_EXISTS);
      await tx`update auth.users set email_change = ${target}, email_change_confirm_status = 0 where id = ${user.id}`;
      return type === 'email_change_current'
        ? storeAs('email_change_token_current', tokenHash(email, otp), email)
        : storeAs('email_change_token_new', tokenHash(target, otp), target);
    }
  }
}

export const adminLinkRoutes: Route[] = [
  { method: 'POST', path: '/invite', handler: invite },
  { method: 'POST', path: '/admin/generate_link', handler: generateLink },
];
