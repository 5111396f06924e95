import { env } from '@/lib/env';
import { apexOrigin, tenantOrigin } from '@/lib/tenancy/host';
import { createHandoffCode } from './actions';

/** The URL that signs `userId` in on a tenant's host (or the apex) and opens it. */
export async function handoffUrl(userId: string, slug: string | null): Promise<string> {
  const root = env().NEXT_PUBLIC_ROOT_DOMAIN;
  const origin = slug ? tenantOrigin(slug, root) : apexOrigin(root);
  const { code } = await createHandoffCode({ userId, targetHost: new URL(origin).host });
  return `${origin}/auth/handoff?code=${encodeURIComponent(code)}`;
}
