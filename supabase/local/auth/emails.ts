import type { AuthServices } from './context.ts';
import type { Db } from './db.ts';
import { generateOtp, storeToken, tokenHash, withFlowPrefix } from './one-time-tokens.ts';
import type { UserRow } from './users.ts';

/**
 * The token-issuing emails (GoTrue's sendConfirmation, sendInvite,
 * sendMagicLink, sendPasswordRecovery, sendEmailChange): each makes a fresh
 * code, stores its hash, and writes the mail, all in the caller's transaction.
 */
function emailOf(user: UserRow): string {
  if (!user.email) throw new Error(`user ${user.id} has no email`);
  return user.email;
}

export async function sendConfirmation(db: Db, s: AuthServices, user: UserRow, pkce: boolean, redirectTo: string) {
  const email = emailOf(user);
  const otp = generateOtp(s.config.otpLength);
  const token = withFlowPrefix(tokenHash(email, otp), pkce);
  await storeToken(db, user, 'confirmation_token', token, email);
  await s.mailer.send(db, { to: email, kind: 'signup', otp, token, redirectTo });
}

export async function sendInvite(db: Db, s: AuthServices, user: UserRow, redirectTo: string) {
  const email = emailOf(user);
  const otp = generateOtp(s.config.otpLength);
  const token = tokenHash(email, otp);
  await storeToken(db, user, 'confirmation_token', token, email);
  await db`update auth.users set invited_at = now() where id = ${user.id}`;
  await s.mailer.send(db, { to: email, kind: 'invite', otp, token, redirectTo });
}

export async function sendRecoveryLike(db: Db, s: AuthServices, user: UserRow, kind: 'magiclink' | 'recovery', pkce: boolean, redirectTo: string) {
  const email = emailOf(user);
  const otp = generateOtp(s.config.otpLength);
  const token = withFlowPrefix(tokenHash(email, otp), pkce);
  await storeToken(db, user, 'recovery_token', token, email);
  await s.mailer.send(db, { to: email, kind, otp, token, redirectTo });
}

/** Email change: a link to the new address and, with secure email change, one to the current address too. */
export async function sendEmailChange(db: Db, s: AuthServices, user: UserRow, newEmail: string, pkce: boolean, redirectTo: string) {
  await db`update auth.users set email_change = ${newEmail}, email_change_confirm_status = 0 where id = ${user.id}`;
  const otpNew = generateOtp(s.config.otpLength);
  const tokenNew = withFlowPrefix(tokenHash(newEmail, otpNew), pkce);
  await storeToken(db, user, 'email_change_token_new', tokenNew, newEmail);
  await s.mailer.send(db, { to: newEmail, kind: 'email_change_new', otp: otpNew, token: tokenNew, redirectTo, newEmail });
  if (s.config.secureEmailChange && user.email) {
    const otpCurrent = generateOtp(s.config.otpLength);
    const tokenCurrent = withFlowPrefix(tokenHash(user.email, otpCurrent), pkce);
    await storeToken(db, user, 'email_change_token_current', tokenCurrent, user.email);
    await s.mailer.send(db, { to: user.email, kind: 'email_change_current', otp: otpCurrent, token: tokenCurrent, redirectTo, newEmail });
  } else {
    await db`delete from auth.one_time_tokens where user_id = ${user.id} and token_type = 'email_change_token_current'`;
    await db`update auth.users set email_change_token_current = '' where id = ${user.id}`;
  }
}
