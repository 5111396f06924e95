import { headers } from 'next/headers';
import { optionalTenantFromHeaders } from '@/lib/tenancy/tenant-headers';

/**
 * Where a signed-in person goes when nothing asked for a page (sign-in without
 * `next`, an email link without one, the sign-in page while signed in).
 * On a tenant host: that workspace's home. On the apex: "Your workspaces",
 * which opens the organization at once for someone who belongs to exactly one
 * (the `from=sign-in` marker; a visit from a link shows the list).
 */
export const APEX_HOME = '/workspaces?from=sign-in';
export const TENANT_HOME = '/';

export function homePathFor(requestHeaders: Headers): string {
  return optionalTenantFromHeaders(requestHeaders) ? TENANT_HOME : APEX_HOME;
}

/** homePathFor for the current request (server components and actions). */
export async function homePath(): Promise<string> {
  return homePathFor(await headers());
}
