import net from 'node:net';
import { forbiddenAddressReason } from './address-policy';

/**
 * The checks a tenant-chosen URL passes before any DNS: https only, no credentials, a
 * host name (IP literals in any spelling are normalised by the URL parser, then checked
 * like resolved addresses). `allowedHosts` (OUTBOUND_ALLOWED_HOSTS, dev and tests only)
 * names host:port pairs that may be reached over http without the address rules.
 */
export type UrlVerdict =
  | { ok: true; url: URL; allowListed: boolean; literal: string | null }
  | { ok: false; reason: string };

const blockedNames = [/^localhost\.?$/, /\.localhost\.?$/, /\.local\.?$/, /\.internal\.?$/, /^metadata(\.|$)/];

export function checkOutboundUrl(raw: string, allowedHosts: readonly string[] = []): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials in the URL are not allowed' };
  const port = url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '');
  const allowListed = (url.protocol === 'http:' || url.protocol === 'https:') && allowedHosts.includes(`${url.hostname}:${port}`);
  if (allowListed) return { ok: true, url, allowListed, literal: null };
  if (url.protocol !== 'https:') return { ok: false, reason: 'only https URLs are allowed' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host)) {
    const reason = forbiddenAddressReason(host);
    return reason ? { ok: false, reason: `address ${host} is ${reason}` } : { ok: true, url, allowListed, literal: host };
  }
  const name = host.toLowerCase();
  if (!name.includes('.') || blockedNames.some((p) => p.test(name))) return { ok: false, reason: `host ${name} is not a public name` };
  return { ok: true, url, allowListed, literal: null };
}

/** OUTBOUND_ALLOWED_HOSTS as a list of host:port. */
export function parseAllowedHosts(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
}
