import { SearchX, Users } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PendingRoleChanges } from '@/components/approvals/pending-role-changes';
import { InviteDialog } from '@/components/members/invite-dialog';
import { MemberSearch } from '@/components/members/member-search';
import { MemberTable } from '@/components/members/member-table';
import { PendingInvitations } from '@/components/members/pending-invitations';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Forbidden } from '@/components/workspace/forbidden';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { withRls } from '@/lib/db';
import { listPendingRoleChanges } from '@/lib/approvals/queries';
import { listPendingInvitations } from '@/lib/invitations/queries';
import { cursorSchema } from '@/lib/pagination/cursor';
import { listMembers } from '@/lib/members/queries';
import { roleLevels, roles } from '@/lib/permissions/schemas';
import { getWorkspace } from '@/lib/workspace/workspace';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage({ searchParams }: PageProps<'/w/[slug]/members'>) {
  const workspace = await getWorkspace();
  if (workspace.kind !== 'member') return null;
  if (!workspace.can('members:read')) return <Forbidden what="the member list" />;
  const params = await searchParams;
  const q = typeof params.q === 'string' ? params.q.slice(0, 100) : '';
  const order = params.order === 'desc' ? 'desc' : 'asc';
  const cursor = typeof params.cursor === 'string' && cursorSchema.safeParse(params.cursor).success ? params.cursor : undefined;
  const { tenant, user, membership } = workspace;
  const canInvite = workspace.can('members:invite');
  const [page, invitations, heldRoleChanges] = await withRls(rlsClaimsOf(user), async (tx) => [
    await listMembers(tx, { orgId: tenant.id, search: q || undefined, order, cursor, limit: 25 }),
    canInvite ? (await listPendingInvitations(tx, { orgId: tenant.id, limit: 100 })).items : [],
    await listPendingRoleChanges(tx, tenant.id),
  ] as const);
  const href = (extra: { order?: string; cursor?: string }) => {
    const query = new URLSearchParams({ ...(q ? { q } : {}), ...(order === 'desc' ? { order } : {}), ...extra });
    if (query.get('order') === 'asc') query.delete('order');
    return `?${query}`;
  };
  const invite = canInvite ? <InviteDialog roles={roles.filter((r) => r !== 'owner' && roleLevels[r] <= membership.level)} /> : null;
  return (
    <div className="space-y-10">
      <div>
        <PageHeader
          title="Members"
          titleAddon={<LiveRefresh topic={`org:${tenant.id}:members`} />}
          description={`People who can work in ${tenant.name}.`}
          actions={invite}
          className="mb-6"
        />
        <PendingRoleChanges requests={heldRoleChanges} />
        <MemberSearch defaultValue={q} />
        <MemberTable
          members={page.items}
          me={user.id}
          myRole={membership.role}
          canUpdateRole={workspace.can('members:update_role')}
          canRemove={workspace.can('members:remove')}
          order={order}
          orderHref={(direction) => href({ order: direction })}
          pagination={{
            label: 'Member pages',
            firstHref: cursor ? href({}) : null,
            nextHref: page.nextCursor ? href({ cursor: page.nextCursor }) : null,
          }}
          empty={
            q ? (
              <EmptyState
                icon={SearchX}
                title={`No member matches “${q}”`}
                description="Search looks at names and email addresses."
                action={<Link href="?" className="text-sm font-medium text-primary hover:underline">Clear the search</Link>}
              />
            ) : (
              <EmptyState icon={Users} title="No members yet" description="Invite your team to work here." />
            )
          }
        />
      </div>
      {canInvite ? <PendingInvitations invitations={invitations} /> : null}
    </div>
  );
}
