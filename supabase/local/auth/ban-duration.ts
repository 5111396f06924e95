import { badRequest } from './errors.ts';

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration ("24h", "1h30m", "90s"), in milliseconds; null when malformed. */
export function parseGoDuration(value: string): number | null {
  const pattern = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let index = 0;
  if (!value) return null;
  while (index < value.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(value);
    if (!match) return null;
    total += Number(match[1]) * (DURATION_UNITS[match[2]!] ?? 0);
    index = pattern.lastIndex;
  }
  return total;
}

/** An admin's ban_duration: "none" lifts a ban, a Go duration bans until now + duration, absent changes nothing. */
export function banUntil(duration: string | null | undefined): Date | null | undefined {
  if (duration === undefined || duration === null || duration === '') return undefined;
  if (duration === 'none') return null;
  const ms = parseGoDuration(duration);
  // Go durations stop at ~292 years; so does this server (Postgres could not store much more anyway).
  if (ms === null || ms > 292 * 365.25 * 86_400_000) {
    throw badRequest('validation_failed', 'invalid format for ban duration: ' + duration);
  }
  return new Date(Date.now() + ms);
}
