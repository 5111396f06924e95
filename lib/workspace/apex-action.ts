'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { handoffUrl } from '@/lib/handoff/go-to-host';
import { optionalTenantFromHeaders } from '@/lib/tenancy/tenant-headers';

/** The apex pages a tenant host may send its signed-in user to. */
const APEX_PAGES = ['/new-organization', '/workspaces'] as const;
export type ApexPage = (typeof APEX_PAGES)[number];

/**
 * Opens an apex page signed in. From a tenant host the user crosses with a
 * handoff code (docs/decisions/0010), so "Create an organization" works without
 * signing in again on the apex; on the apex itself it is a plain redirect.
 */
export async function openApexPageAction(page: ApexPage): Promise<void> {
  const target = APEX_PAGES.find((p) => p === page) ?? '/workspaces';
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(target)}`);
  if (!optionalTenantFromHeaders(await headers())) redirect(target);
  redirect(await handoffUrl(user.id, null, target));
}
