import crypto from 'node:crypto';

/** JSON Canonicalization Scheme (RFC 8785) for JSON values: sorted keys, ES number formatting. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * `X-Inngest-Signature` for a request body, as Inngest Cloud signs calls: HMAC-SHA256 over the
 * canonical body followed by the unix timestamp, keyed by the signing key without its prefix.
 */
export function signBody(body: unknown, signingKey: string, now = Date.now()): string {
  const ts = Math.round(now / 1000).toString();
  const key = signingKey.replace(/^signkey-\w+-/, '');
  const mac = crypto.createHmac('sha256', key).update(canonicalJson(body)).update(ts).digest('hex');
  return `t=${ts}&s=${mac}`;
}
