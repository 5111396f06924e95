import { withServiceRole } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { RATE_LIMITS, type RateLimitAction, type RateLimitKey, type RateLimitRule } from './limits';
import { formatWait } from './wait';

/** Who is counted: the client IP from the trusted chain (null when unknown) and the account, if any. */
export interface RateLimitSubject {
  ip: string | null;
  /** An email address (compared lower-cased) or a user id. */
  account?: string | null;
}

interface Row {
  bucket: string;
  subject: string;
  max: number;
  window_seconds: number;
  do_count: boolean;
}

function subjectFor(key: RateLimitKey, who: RateLimitSubject): string | null {
  const account = who.account?.trim().toLowerCase() || null;
  if (key === 'ip') return who.ip;
  if (key === 'account') return account;
  return account && who.ip ? `${account}|${who.ip}` : null;
}

/** The rules of `action` that apply to `who` (an unknown IP or a missing account skips the rules keyed on it). */
function rowsFor(action: RateLimitAction, who: RateLimitSubject, pick: (rule: RateLimitRule) => boolean | null): Row[] {
  const rows: Row[] = [];
  for (const rule of RATE_LIMITS[action].rules as readonly RateLimitRule[]) {
    const doCount = pick(rule);
    const subject = subjectFor(rule.key, who);
    if (doCount === null || subject === null) continue;
    rows.push({ bucket: `${action}:${rule.key}`, subject, max: rule.max, window_seconds: rule.windowSeconds, do_count: doCount });
  }
  return rows;
}

async function run(action: RateLimitAction, rows: Row[]): Promise<{ bucket: string; allowed: boolean; retry_after_seconds: number }[]> {
  if (rows.length === 0) return [];
  return withServiceRole(`rate limit: ${action}`, (tx) =>
    tx<{ bucket: string; allowed: boolean; retry_after_seconds: number }[]>`
      select r.bucket, h.allowed, h.retry_after_seconds
      from jsonb_to_recordset(${tx.json(rows as never)})
        as r(bucket text, subject text, max integer, window_seconds integer, do_count boolean)
      cross join lateral private.rate_limit_hit(r.bucket, r.subject, r.max, r.window_seconds, r.do_count) h`,
  );
}

/** The AppError a refusal becomes: 429 `rate_limited`, the real wait in words and in `details.retryAfterSeconds`. */
export function rateLimitedError(action: RateLimitAction, retryAfterSeconds: number): AppError {
  return new AppError('rate_limited', `${RATE_LIMITS[action].refusal} Try again in ${formatWait(retryAfterSeconds)}.`, {
    retryAfterSeconds,
  });
}

/**
 * Before doing `action` for `who`: counts the attempt against every `attempts`
 * rule and checks that no `failures` rule is used up. Throws `rate_limited`
 * (with the longest wait among the rules that refuse) when any does.
 */
export async function enforceRateLimit(action: RateLimitAction, who: RateLimitSubject): Promise<void> {
  const results = await run(action, rowsFor(action, who, (rule) => rule.counts === 'attempts'));
  const refused = results.filter((r) => !r.allowed);
  if (refused.length === 0) return;
  const wait = Math.max(...refused.map((r) => r.retry_after_seconds));
  log.warn('rate limited', { action, rules: refused.map((r) => r.bucket), retryAfterSeconds: wait });
  throw rateLimitedError(action, wait);
}

/** After `action` failed for `who` (a wrong password): counts the failure against its `failures` rules. */
export async function recordRateLimitFailure(action: RateLimitAction, who: RateLimitSubject): Promise<void> {
  await run(action, rowsFor(action, who, (rule) => (rule.counts === 'failures' ? true : null)));
}

/** For forms: enforceRateLimit's refusal as the message to show, or null when the attempt may go ahead. */
export async function rateLimitRefusal(action: RateLimitAction, who: RateLimitSubject): Promise<string | null> {
  try {
    await enforceRateLimit(action, who);
    return null;
  } catch (error) {
    if (error instanceof AppError && error.code === 'rate_limited') return error.message;
    throw error;
  }
}
