import { headers } from 'next/headers';
import { env } from '@/lib/env';
import { classifyHost } from '@/lib/tenancy/host';

/**
 * The origin (scheme://host) of the current request, accepted only when its host
 * is the apex or a tenant subdomain; otherwise the apex origin. Used to build
 * links in emails, so a forged Host header cannot redirect them elsewhere.
 */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const root = env().NEXT_PUBLIC_ROOT_DOMAIN;
  const host = (h.get('host') ?? '').toLowerCase();
  const secure = process.env.NODE_ENV === 'production';
  return `${secure ? 'https' : 'http'}://${classifyHost(host, root).kind === 'unknown' ? root : host}`;
}
