import { env } from '@/lib/env';
import { isForwardedStamp, STAMP_HEADER } from '@/lib/request/forwarded-stamp';
import { normalizeIp, resolveClient, type ResolvedClient } from '@/lib/request/trusted-proxy';

/**
 * Who sent this request and to which host, as far as TRUSTED_PROXIES allows:
 * the values the socket hook resolved (forwarded-headers-hook.ts) when it saw
 * the request; otherwise (a request that arrived while the server was still
 * starting, or a runtime without a Node HTTP server) only what needs no socket:
 * the Host header and no IP, or Vercel's own headers under `vercel`.
 */
export function clientAddress(headers: Headers): ResolvedClient {
  if (isForwardedStamp(headers.get(STAMP_HEADER))) {
    const proto = headers.get('x-forwarded-proto');
    return {
      ip: normalizeIp(headers.get('x-forwarded-for')),
      host: (headers.get('x-forwarded-host') ?? headers.get('host') ?? '').toLowerCase(),
      proto: proto === 'https' || proto === 'http' ? proto : null,
    };
  }
  return resolveClient({ peer: null, headers: Object.fromEntries(headers) }, env().TRUSTED_PROXIES);
}
