import { BlockList, isIP } from 'node:net';
import { z } from 'zod';

/**
 * Which proxy headers (X-Forwarded-For, X-Forwarded-Host, X-Forwarded-Proto,
 * X-Real-IP) the app believes, from TRUSTED_PROXIES:
 * - `none` (default): none; the client is the TCP peer, the host is the Host header.
 * - `vercel`: Vercel's edge sets X-Forwarded-For / X-Real-IP / X-Forwarded-Host
 *   itself and overwrites what clients send, so its values are taken as they are.
 * - a list of addresses and CIDR ranges (`10.0.0.1,10.0.0.0/8,fd00::/8`): headers
 *   count only on a connection from one of them; the client is found by walking
 *   X-Forwarded-For from the right past every trusted hop.
 */
export type ProxyTrust =
  | { kind: 'none' }
  | { kind: 'vercel' }
  | { kind: 'proxies'; entries: string[]; list: BlockList };

/** What a request's client really is, as far as the configured trust lets us know. */
export interface ResolvedClient {
  /** Client IP (IPv4-mapped IPv6 folded to IPv4), or null when it cannot be known. */
  ip: string | null;
  /** Host the client asked for, lower-cased ('' when the request names none). */
  host: string;
  /** http or https as the client used it, when a trusted proxy says so; else null. */
  proto: 'http' | 'https' | null;
}

export type HeaderBag = Record<string, string | string[] | undefined>;

/** Parses one address the way proxies write it: IPv4, IPv6, `[v6]:port`, `v4:port`; null if it is none of these. */
export function normalizeIp(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.toLowerCase();
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/.test(value)) value = value.slice(7);
  return isIP(value) ? value : null;
}

function parseEntry(entry: string, list: BlockList): string | null {
  const [address, prefix, extra] = entry.split('/');
  const ip = normalizeIp(address);
  if (!ip || extra !== undefined) return `"${entry}" is not an IP address or CIDR range`;
  const family = isIP(ip) === 4 ? 'ipv4' : 'ipv6';
  if (prefix === undefined) {
    list.addAddress(ip, family);
    return null;
  }
  const bits = Number(prefix);
  if (!/^\d{1,3}$/.test(prefix) || bits > (family === 'ipv4' ? 32 : 128)) return `"${entry}" has an invalid prefix length`;
  list.addSubnet(ip, bits, family);
  return null;
}

/** TRUSTED_PROXIES: `none`, `vercel`, or comma-separated addresses and CIDR ranges. */
export const trustedProxiesSchema = z
  .string()
  .trim()
  .default('none')
  .transform((value, ctx): ProxyTrust => {
    const lowered = value.toLowerCase();
    if (lowered === 'none' || lowered === '') return { kind: 'none' };
    if (lowered === 'vercel') return { kind: 'vercel' };
    const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
    const list = new BlockList();
    for (const entry of entries) {
      const problem = parseEntry(entry, list);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: `must be none, vercel, or addresses/CIDR ranges separated by commas (${problem})` });
        return z.NEVER;
      }
    }
    return { kind: 'proxies', entries, list };
  });

function values(headers: HeaderBag, name: string): string[] {
  const raw = headers[name];
  const joined = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  return joined.split(',').map((part) => part.trim()).filter(Boolean);
}

const single = (headers: HeaderBag, name: string) => values(headers, name)[0];
const last = (headers: HeaderBag, name: string) => values(headers, name).at(-1);
const protoOf = (value: string | undefined) => (value === 'https' || value === 'http' ? value : null);
const hostOf = (value: string | undefined) => (value ?? '').trim().toLowerCase();

function isTrusted(list: BlockList, ip: string): boolean {
  return list.check(ip, isIP(ip) === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client of a request from the TCP peer's address (`peer`, null when the
 * caller cannot see the socket) and its headers, under `trust`. A header is used
 * only when the hop that set it is trusted; otherwise the peer and Host decide.
 */
export function resolveClient(input: { peer: string | null; headers: HeaderBag }, trust: ProxyTrust): ResolvedClient {
  const { headers } = input;
  const peer = normalizeIp(input.peer);
  const direct: ResolvedClient = { ip: peer, host: hostOf(single(headers, 'host')), proto: null };
  if (trust.kind === 'none') return direct;
  if (trust.kind === 'vercel') {
    return {
      ip: normalizeIp(single(headers, 'x-real-ip')) ?? normalizeIp(single(headers, 'x-forwarded-for')) ?? peer,
      host: hostOf(single(headers, 'x-forwarded-host') ?? single(headers, 'host')),
      proto: protoOf(single(headers, 'x-forwarded-proto')),
    };
  }
  if (!peer || !isTrusted(trust.list, peer)) return direct;
  // Each proxy appends the address it saw; everything left of the first untrusted hop is the client's own say.
  const chain = values(headers, 'x-forwarded-for');
  let ip: string | null = peer;
  for (let i = chain.length - 1; i >= 0; i -= 1) {
    const hop = normalizeIp(chain[i]);
    if (!hop) {
      ip = null;
      break;
    }
    ip = hop;
    if (!isTrusted(trust.list, hop)) break;
  }
  return {
    ip,
    host: hostOf(last(headers, 'x-forwarded-host') ?? single(headers, 'host')),
    proto: protoOf(last(headers, 'x-forwarded-proto')),
  };
}
