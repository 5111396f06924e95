import { safeReturnPath } from '@/lib/auth/return-path';
import { env } from '@/lib/env';
import { apexOrigin, tenantOrigin } from '@/lib/tenancy/host';
import { createHandoffCode } from '@/lib/handoff/service';

/** The URL that signs `userId` in on a tenant's host (or the apex) and opens `next` there (a path on that host). */
export async function handoffUrl(userId: string, slug: string | null, next?: string): Promise<string> {
  const root = env().NEXT_PUBLIC_ROOT_DOMAIN;
  const origin = slug ? tenantOrigin(slug, root) : apexOrigin(root);
  const { code } = await createHandoffCode({ userId, targetHost: new URL(origin).host });
  const url = new URL('/auth/handoff', origin);
  url.searchParams.set('code', code);
  const path = safeReturnPath(next, '/');
  if (path !== '/') url.searchParams.set('next', path);
  return url.toString();
}
