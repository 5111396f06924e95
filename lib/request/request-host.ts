import { clientAddress } from '@/lib/request/client-address';

/**
 * The host the client asked for: the Host header, or X-Forwarded-Host only when
 * TRUSTED_PROXIES trusts the hop that set it (see client-address.ts). Next.js's
 * internal request that renders a server action's redirect keeps the original
 * request's resolved host. Routing trusts it for nothing but choosing the tenant
 * (sessions are host-only cookies; RLS decides what anyone may see).
 */
export function requestHost(headers: Headers): string {
  return clientAddress(headers).host;
}
