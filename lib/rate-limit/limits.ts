/**
 * Every rate limit of the app, in one place. Counters live in Postgres
 * (private.rate_limit_counters, shared by all instances); lib/rate-limit/limiter.ts
 * applies them. Each action has rules keyed by:
 * - `ip`: the client IP from the trusted proxy chain (lib/request/client-address.ts);
 * - `account`: the email address (lower-cased) or the signed-in user's id;
 * - `account+ip`: both, so one client's failures or requests for an account do
 *   not lock its owner out when they come from elsewhere.
 * A rule counts `attempts` (every call, before the work) or `failures` (only
 * calls that failed; checked before the work, counted after it). Per-IP limits
 * are loose (offices share an address) and stop floods; per-account limits are
 * tighter, and the account-wide ceiling is out of one client's reach.
 */
export type RateLimitKey = 'ip' | 'account' | 'account+ip';

export interface RateLimitRule {
  key: RateLimitKey;
  counts: 'attempts' | 'failures';
  max: number;
  windowSeconds: number;
}

export interface RateLimitPolicy {
  /** First sentence of the refusal; the wait follows ("Try again in 4 minutes."). */
  refusal: string;
  rules: RateLimitRule[];
}

const MINUTE = 60;
const HOUR = 3600;

export const RATE_LIMITS = {
  /** Password sign-in. One client gets at most 10 wrong passwords per account per 15 minutes (40 an hour), under the account's ceiling of 100. */
  sign_in: {
    refusal: 'Too many sign-in attempts.',
    rules: [
      { key: 'ip', counts: 'attempts', max: 50, windowSeconds: 5 * MINUTE },
      { key: 'account+ip', counts: 'failures', max: 10, windowSeconds: 15 * MINUTE },
      { key: 'account', counts: 'failures', max: 100, windowSeconds: HOUR },
    ],
  },
  /** Sign-up and re-sending its confirmation email. */
  sign_up: {
    refusal: 'Too many sign-up attempts.',
    rules: [
      { key: 'ip', counts: 'attempts', max: 20, windowSeconds: HOUR },
      { key: 'account+ip', counts: 'attempts', max: 5, windowSeconds: HOUR },
      { key: 'account', counts: 'attempts', max: 15, windowSeconds: HOUR },
    ],
  },
  magic_link: {
    refusal: 'Too many sign-in links requested.',
    rules: [
      { key: 'ip', counts: 'attempts', max: 20, windowSeconds: HOUR },
      { key: 'account+ip', counts: 'attempts', max: 5, windowSeconds: HOUR },
      { key: 'account', counts: 'attempts', max: 15, windowSeconds: HOUR },
    ],
  },
  password_reset: {
    refusal: 'Too many password reset requests.',
    rules: [
      { key: 'ip', counts: 'attempts', max: 20, windowSeconds: HOUR },
      { key: 'account+ip', counts: 'attempts', max: 5, windowSeconds: HOUR },
      { key: 'account', counts: 'attempts', max: 15, windowSeconds: HOUR },
    ],
  },
  /** `account` is the signed-in user. */
  create_organization: {
    refusal: 'Too many new organizations.',
    rules: [
      { key: 'ip', counts: 'attempts', max: 20, windowSeconds: HOUR },
      { key: 'account', counts: 'attempts', max: 10, windowSeconds: HOUR },
    ],
  },
  /** The live subdomain check while typing; `account` only when signed in. */
  slug_check: {
    refusal: 'Too many subdomain checks.',
    rules: [
      { key: 'ip', counts: 'attempts', max: 300, windowSeconds: 5 * MINUTE },
      { key: 'account', counts: 'attempts', max: 300, windowSeconds: 5 * MINUTE },
    ],
  },
  /** Invitations sent or sent again; `account` is the inviting user. */
  invitation: {
    refusal: 'Too many invitations sent.',
    rules: [
      { key: 'ip', counts: 'attempts', max: 100, windowSeconds: HOUR },
      { key: 'account', counts: 'attempts', max: 50, windowSeconds: HOUR },
    ],
  },
} as const satisfies Record<string, RateLimitPolicy>;

export type RateLimitAction = keyof typeof RATE_LIMITS;
