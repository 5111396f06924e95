import { isCommonPassword } from './common-passwords.ts';
import { badRequest, weakPassword } from './errors.ts';

/** GoTrue's ceiling (bcrypt's input limit); kept so clients see the same rule locally. */
export const MAX_PASSWORD_LENGTH = 72;

/**
 * GoTrue's checkPasswordStrength: too long is 400 validation_failed; too short or
 * a known-weak password is 422 weak_password with reasons `length` / `pwned`.
 */
export function checkPasswordStrength(password: string, minLength: number): void {
  if (Buffer.byteLength(password) > MAX_PASSWORD_LENGTH) {
    throw badRequest('validation_failed', `Password cannot be longer than ${MAX_PASSWORD_LENGTH} characters`);
  }
  const { reasons, messages } = weakness(password, minLength);
  if (reasons.length > 0) throw weakPassword(messages.join(' '), reasons);
}

/** The weak_password payload a successful password sign-in carries when the password no longer meets the policy. */
export function signInWeakness(password: string, minLength: number): { message: string; reasons: string[] } | null {
  const { reasons, messages } = weakness(password, minLength);
  return reasons.length ? { message: messages.join(' '), reasons } : null;
}

function weakness(password: string, minLength: number): { reasons: string[]; messages: string[] } {
  const reasons: string[] = [];
  const messages: string[] = [];
  if ([...password].length < minLength) {
    reasons.push('length');
    messages.push(`Password should be at least ${minLength} characters.`);
  }
  if (isCommonPassword(password)) {
    reasons.push('pwned');
    messages.push('Password is known to be weak and easy to guess, please choose a different one.');
  }
  return { reasons, messages };
}
