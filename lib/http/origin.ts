import { headers } from 'next/headers';
import { env } from '@/lib/env';

/**
 * The origin (scheme://host) of the current request, accepted only when its host
 * is the root domain or one of its subdomains; otherwise the root domain's origin.
 * Used to build links in emails, so a forged Host header cannot redirect them.
 */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const root = env().NEXT_PUBLIC_ROOT_DOMAIN;
  const host = (h.get('x-forwarded-host') ?? h.get('host') ?? '').toLowerCase();
  const proto = h.get('x-forwarded-proto') === 'https' || process.env.NODE_ENV === 'production' ? 'https' : 'http';
  const allowed = isRootOrTenantHost(host, root);
  return `${proto}://${allowed ? host : root}`;
}

export function isRootOrTenantHost(host: string, rootDomain: string): boolean {
  if (host === rootDomain) return true;
  if (!host.endsWith(`.${rootDomain}`)) return false;
  const sub = host.slice(0, -rootDomain.length - 1);
  return /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(sub);
}
