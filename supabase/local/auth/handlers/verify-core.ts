import type { AuthServices } from '../context.ts';
import type { Db } from '../db.ts';
import { AuthHttpError, badRequest, forbidden, unprocessable } from '../errors.ts';
import { clearTokens, findByTokenHash, isExpired, type FoundToken, type TokenType } from '../one-time-tokens.ts';
import { hashPassword, randomPassword } from '../password.ts';
import { confirmEmail, findUserByEmail, isBanned, isConfirmed, reloadUser, type UserRow } from '../users.ts';

/** The verify types email links and codes use. */
export type EmailVerifyType = 'signup' | 'invite' | 'magiclink' | 'recovery' | 'email_change' | 'email';

const TOKEN_TYPES: Record<EmailVerifyType, TokenType[]> = {
  signup: ['confirmation_token'],
  invite: ['confirmation_token'],
  magiclink: ['recovery_token'],
  recovery: ['recovery_token'],
  email_change: ['email_change_token_new', 'email_change_token_current'],
  email: ['confirmation_token', 'recovery_token'],
};

export function asEmailVerifyType(type: string): EmailVerifyType {
  if (type in TOKEN_TYPES) return type as EmailVerifyType;
  if (type === 'sms' || type === 'phone_change') throw badRequest('phone_provider_disabled', 'Unsupported phone provider');
  throw badRequest('validation_failed', 'Invalid email verification type');
}

/**
 * Finds the user a token hash belongs to and checks it has not expired (links
 * and codes share the check; only the message differs, as in GoTrue).
 * `email` resolves to `signup` or `magiclink` depending on which token matched.
 */
export async function findVerifiableToken(
  db: Db,
  s: AuthServices,
  type: EmailVerifyType,
  hash: string,
  message: string,
): Promise<{ found: FoundToken; type: Exclude<EmailVerifyType, 'email'> }> {
  const found = await findByTokenHash(db, TOKEN_TYPES[type], hash);
  if (!found) throw forbidden('otp_expired', message);
  if (isBanned(found.user)) throw forbidden('user_banned', 'User is banned');
  if (isExpired(found.user, found.type, s.config.linkExpirySeconds)) throw forbidden('otp_expired', message);
  const resolved = type === 'email' ? (found.type === 'confirmation_token' ? 'signup' : 'magiclink') : type;
  return { found, type: resolved };
}

export type Applied = { kind: 'verified'; user: UserRow } | { kind: 'pending_other_email' };

/** What a verified token does to the user (GoTrue's signupVerify, recoverVerify, emailChangeVerify). */
export async function applyVerification(
  db: Db,
  s: AuthServices,
  type: Exclude<EmailVerifyType, 'email'>,
  found: FoundToken,
): Promise<Applied> {
  const user = found.user;
  switch (type) {
    case 'signup':
    case 'invite':
      if (!user.encrypted_password && user.invited_at) {
        // As GoTrue: an invited user gets a random password until they set one.
        await db`update auth.users set encrypted_password = ${await hashPassword(randomPassword())} where id = ${user.id}`;
      }
      await confirmEmail(db, user.id);
      await clearTokens(db, user.id);
      break;
    case 'magiclink':
    case 'recovery':
      await clearTokens(db, user.id, 'recovery_token');
      if (!isConfirmed(user)) await confirmEmail(db, user.id);
      break;
    case 'email_change':
      return applyEmailChange(db, s, found);
  }
  return { kind: 'verified', user: await reloadUser(db, user.id) };
}

async function applyEmailChange(db: Db, s: AuthServices, found: FoundToken): Promise<Applied> {
  const user = found.user;
  if (!user.email_change) throw forbidden('otp_expired', 'Email link is invalid or has expired');
  if (s.config.secureEmailChange && user.email && (user.email_change_confirm_status ?? 0) === 0) {
    await db`update auth.users set email_change_confirm_status = 1 where id = ${user.id}`;
    await clearTokens(db, user.id, found.type);
    // Both links must be clicked; if the other one was already used, this completes the change.
    const [other] = await db`select 1 from auth.one_time_tokens where user_id = ${user.id}
                              and token_type in ('email_change_token_new', 'email_change_token_current')`;
    if (other) return { kind: 'pending_other_email' };
  }
  const taken = await findUserByEmail(db, user.email_change);
  if (taken && taken.id !== user.id) {
    throw unprocessable('email_exists', 'A user with this email address has already been registered');
  }
  await db`
    update auth.users set email = ${user.email_change}, email_change = '', email_change_token_new = '',
      email_change_token_current = '', email_change_confirm_status = 0, updated_at = now()
    where id = ${user.id}`;
  await db`
    update auth.identities
    set identity_data = identity_data || jsonb_build_object('email', ${user.email_change}::text, 'email_verified', true),
        updated_at = now()
    where user_id = ${user.id} and provider = 'email'`;
  await clearTokens(db, user.id);
  if (!isConfirmed(user)) await confirmEmail(db, user.id);
  return { kind: 'verified', user: await reloadUser(db, user.id) };
}

export const isAuthHttpError = (error: unknown): error is AuthHttpError => error instanceof AuthHttpError;
