import { badRequest, weakPassword } from './errors.ts';
import type { AuthConfig } from './options.ts';

/** GoTrue's ceiling (bcrypt's input limit); kept so clients see the same rule locally. */
export const MAX_PASSWORD_LENGTH = 72;

/** config.toml's `[auth] password_requirements` values, as the Supabase CLI names them. */
export const PASSWORD_REQUIREMENTS = ['', 'letters_digits', 'lower_upper_letters_digits', 'lower_upper_letters_digits_symbols'] as const;
export type PasswordRequirements = (typeof PASSWORD_REQUIREMENTS)[number];

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const SYMBOLS = `!@#$%^&*()_+-=[]{};':"|<>?,./\`~`;

/** The character groups each setting requires one character of (GoTrue's PASSWORD_REQUIRED_CHARACTERS). */
const REQUIRED_GROUPS: Record<PasswordRequirements, string[]> = {
  '': [],
  letters_digits: [LOWER + UPPER, DIGITS],
  lower_upper_letters_digits: [LOWER, UPPER, DIGITS],
  lower_upper_letters_digits_symbols: [LOWER, UPPER, DIGITS, SYMBOLS],
};

export type PasswordPolicy = Pick<AuthConfig, 'passwordMinLength' | 'passwordRequirements'>;

/**
 * GoTrue's checkPasswordStrength: too long is 400 validation_failed; too short or
 * missing a required kind of character is 422 weak_password with reasons
 * `length` / `characters`. Hosted Supabase also refuses leaked passwords (reason
 * `pwned`) when leaked-password protection is switched on in the dashboard; the
 * Supabase CLI has no config.toml key for it and neither does this server.
 */
export function checkPasswordStrength(password: string, policy: PasswordPolicy): void {
  if (Buffer.byteLength(password) > MAX_PASSWORD_LENGTH) {
    throw badRequest('validation_failed', `Password cannot be longer than ${MAX_PASSWORD_LENGTH} characters`);
  }
  const weak = signInWeakness(password, policy);
  if (weak) throw weakPassword(weak.message, weak.reasons);
}

/** The weak_password payload (also sent with a successful sign-in whose password no longer meets the policy), or null. */
export function signInWeakness(password: string, policy: PasswordPolicy): { message: string; reasons: string[] } | null {
  const reasons: string[] = [];
  const messages: string[] = [];
  if ([...password].length < policy.passwordMinLength) {
    reasons.push('length');
    messages.push(`Password should be at least ${policy.passwordMinLength} characters.`);
  }
  const groups = REQUIRED_GROUPS[policy.passwordRequirements];
  if (groups.some((group) => ![...password].some((c) => group.includes(c)))) {
    reasons.push('characters');
    messages.push(`Password should contain at least one character of each: ${groups.join(', ')}.`);
  }
  return reasons.length ? { message: messages.join(' '), reasons } : null;
}
