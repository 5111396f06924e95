import { Building } from 'lucide-react';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { EmailAddress } from '@/components/auth/email-address';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { CreateOrganizationButton } from '@/components/workspaces/create-organization-button';
import { WorkspaceList } from '@/components/workspaces/workspace-list';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { requireUser } from '@/lib/auth/current-user';
import { withRls } from '@/lib/db';
import { isSessionEnded } from '@/lib/db/errors';
import { env } from '@/lib/env';
import { handoffUrl } from '@/lib/handoff/go-to-host';
import { listOrganizationsForUser } from '@/lib/orgs/queries';
import { optionalTenantFromHeaders } from '@/lib/tenancy/tenant-headers';

export const metadata: Metadata = { title: 'Your workspaces' };

/**
 * "Your workspaces": every organization of the signed-in user, on any host.
 * Where signing in without a return path lands (`?from=sign-in`, lib/auth/home-path.ts):
 * someone with exactly one organization goes straight into it.
 */
export default async function WorkspacesPage({ searchParams }: PageProps<'/workspaces'>) {
  const user = await requireUser('/workspaces');
  const params = await searchParams;
  const tenant = optionalTenantFromHeaders(await headers());
  const orgs = await withRls(rlsClaimsOf(user), (tx) => listOrganizationsForUser(tx)).catch((error: unknown) => {
    // The token verifies but its session was signed out: clear it and sign in again.
    if (isSessionEnded(error)) redirect('/auth/session-ended?next=%2Fworkspaces');
    throw error;
  });
  const only = orgs.length === 1 ? orgs[0] : undefined;
  if (params.from === 'sign-in' && only) redirect(only.slug === tenant?.slug ? '/' : await handoffUrl(user.id, only.slug));

  const onTenantHost = Boolean(tenant);
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10 sm:py-14">
      <PageHeader
        title="Your workspaces"
        description={
          <>
            Signed in as{' '}
            <strong className="font-medium text-foreground" data-testid="workspaces-email">
              <EmailAddress email={user.email} />
            </strong>
          </>
        }
        actions={orgs.length > 0 ? <CreateOrganizationButton label="Create another organization" variant="secondary" onTenantHost={onTenantHost} /> : undefined}
      />
      {orgs.length > 0 ? (
        <WorkspaceList orgs={orgs} rootDomain={env().NEXT_PUBLIC_ROOT_DOMAIN} currentSlug={tenant?.slug} />
      ) : (
        <EmptyState
          icon={Building}
          title="You are not in any organization yet"
          description="Create one for your team and invite people to it, or ask a colleague to invite you: the invitation arrives by email."
          action={<CreateOrganizationButton label="Create an organization" onTenantHost={onTenantHost} />}
          className="bg-surface py-14"
        />
      )}
    </div>
  );
}
