import { Globe, UserPlus } from 'lucide-react';
import Link from 'next/link';
import { Suspense } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { AccessCard } from '@/components/home/access-card';
import { CopyAddress } from '@/components/home/copy-address';
import { GetStarted } from '@/components/home/get-started';
import { HomeSkeleton } from '@/components/home/home-skeleton';
import { PeopleCard } from '@/components/home/people-card';
import { RecentActivity } from '@/components/home/recent-activity';
import { WorkspaceAddress } from '@/components/settings/workspace-address';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { withRls } from '@/lib/db';
import { env } from '@/lib/env';
import { tenantOrigin } from '@/lib/tenancy/host';
import { getWorkspaceOverview } from '@/lib/workspace/overview';
import { getWorkspace, type Workspace } from '@/lib/workspace/workspace';

type MemberWorkspace = Extract<Workspace, { kind: 'member' }>;

export default async function WorkspaceHome({ searchParams }: PageProps<'/w/[slug]'>) {
  const workspace = await getWorkspace();
  if (workspace.kind !== 'member') return null;
  const { tenant, user } = workspace;
  const joined = (await searchParams).notice === 'joined';
  const rootDomain = env().NEXT_PUBLIC_ROOT_DOMAIN;
  const firstName = user.name?.trim().split(/\s+/)[0];
  return (
    <div>
      <FormMessage ok message={joined ? `You joined ${tenant.name}. Welcome aboard!` : undefined} />
      <PageHeader
        className={joined ? 'mt-6' : undefined}
        title={tenant.name}
        description={
          <span className="flex flex-col gap-1">
            <span>{firstName ? `Welcome back, ${firstName}.` : 'Welcome back.'} Here is what is happening in your workspace.</span>
            <span className="inline-flex max-w-full items-center gap-1.5">
              <Globe aria-hidden className="h-4 w-4 shrink-0" />
              <WorkspaceAddress slug={tenant.slug} rootDomain={rootDomain} />
              <CopyAddress value={tenantOrigin(tenant.slug, rootDomain)} />
            </span>
          </span>
        }
        actions={
          workspace.can('members:invite') ? (
            <Button asChild>
              <Link href="/members">
                <UserPlus aria-hidden className="h-4 w-4" />
                Invite people
              </Link>
            </Button>
          ) : null
        }
      />
      <Suspense fallback={<HomeSkeleton />}>
        <Overview workspace={workspace} />
      </Suspense>
    </div>
  );
}

/** The cards, streamed in after the header: one transaction, each card only for those allowed to see it. */
async function Overview({ workspace }: { workspace: MemberWorkspace }) {
  const { tenant, user, membership } = workspace;
  const overview = await withRls(rlsClaimsOf(user), (tx) => getWorkspaceOverview(tx, tenant.id, workspace.can), { orgId: tenant.id });
  const access = <AccessCard role={membership.role} email={user.email} />;
  const people = <PeopleCard members={overview.members} invitations={overview.invitations} />;
  if (!overview.activity && !overview.checklist) {
    return <div className="grid items-start gap-6 md:grid-cols-2">{people}{access}</div>;
  }
  return (
    <div className="grid items-start gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-6 lg:col-span-2">
        {overview.checklist ? <GetStarted checklist={overview.checklist} /> : null}
        {overview.activity ? <RecentActivity items={overview.activity} /> : null}
      </div>
      <div className="min-w-0 space-y-6">
        {people}
        {access}
      </div>
    </div>
  );
}
