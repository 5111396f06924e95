import crypto from 'node:crypto';

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Milliseconds of an Inngest time string ("300ms", "2h45m", "1d"); undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  let total = 0;
  let rest = trimmed;
  while (rest) {
    const match = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w)/.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * UNITS[match[2]!]!;
    rest = rest.slice(match[0].length);
  }
  return total;
}

/** When a sleep/timeout given as a time string or an RFC 3339 date ends, from `now`. */
export function resolveUntil(text: string, now: number): number | undefined {
  const duration = parseDuration(text);
  if (duration !== undefined) return now + duration;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
}

/** `Retry-After`: seconds, or an RFC 3339 / HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return now + Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : at;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function encode(value: bigint, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = CROCKFORD[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

/** A ULID (48-bit milliseconds + 80 random bits), Inngest's id format for events and runs. */
export function ulid(time = Date.now(), random: Buffer = crypto.randomBytes(10)): string {
  return encode(BigInt(time), 10) + encode(BigInt(`0x${random.toString('hex')}`), 16);
}

/**
 * Event ids from the SDK's `x-inngest-event-id-seed` ("<millis>,<base64 of 10 bytes>"): the
 * i-th event of a request gets the seed's time and entropy + i, so a retried send yields the
 * same ids and is not ingested twice. Undefined when the seed is absent or malformed.
 */
export function seededIds(seed: string | null, count: number): string[] | undefined {
  const match = seed ? /^(\d+),([A-Za-z0-9+/=]+)$/.exec(seed.trim()) : null;
  if (!match) return undefined;
  const entropy = Buffer.from(match[2]!, 'base64');
  if (entropy.length !== 10) return undefined;
  const base = BigInt(`0x${entropy.toString('hex')}`);
  return Array.from({ length: count }, (_, i) => {
    const random = (base + BigInt(i)) & ((1n << 80n) - 1n);
    return encode(BigInt(Number(match[1])), 10) + encode(random, 16);
  });
}
