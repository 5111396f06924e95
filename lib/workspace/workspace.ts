import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { rlsClaimsOf, type CurrentUser } from '@/lib/auth/claims';
import { requireUser } from '@/lib/auth/current-user';
import { withRls } from '@/lib/db';
import { optionalTenantFromHeaders, type RequestTenant } from '@/lib/tenancy/tenant-headers';
import { isSessionEnded } from '@/lib/db/errors';
import { getMembership, type Membership } from '@/lib/permissions/queries';
import type { Permission } from '@/lib/permissions/schemas';

export type Workspace =
  | { kind: 'member'; tenant: RequestTenant; user: CurrentUser; membership: Membership; can: (p: Permission) => boolean }
  | { kind: 'not-member'; tenant: RequestTenant; user: CurrentUser };

/**
 * The tenant of this request (from middleware), the signed-in user (or a redirect
 * to the tenant's sign-in page) and their membership. Once per request: the
 * layout and the page share it (no argument, so React's cache() sees one call).
 */
export const getWorkspace = cache(async (): Promise<Workspace> => {
  const tenant = optionalTenantFromHeaders(await headers());
  if (!tenant) throw new Error('getWorkspace called outside a tenant host');
  // middleware.ts already sent signed-out visitors to sign-in with their path; this is a fallback.
  const user = await requireUser('/');
  const membership = await withRls(rlsClaimsOf(user), (tx) => getMembership(tx, tenant.id), { orgId: tenant.id }).catch((error: unknown) => {
    // The token verifies but its session was signed out: clear it and sign in again.
    if (isSessionEnded(error)) redirect('/auth/session-ended?next=%2F');
    throw error;
  });
  if (!membership) return { kind: 'not-member', tenant, user };
  return { kind: 'member', tenant, user, membership, can: (p) => membership.permissions.includes(p) };
});
