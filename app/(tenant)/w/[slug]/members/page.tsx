import type { Metadata } from 'next';
import Link from 'next/link';
import { InviteDialog } from '@/components/members/invite-dialog';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { MemberTable } from '@/components/members/member-table';
import { PendingInvitations } from '@/components/members/pending-invitations';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { withRls } from '@/lib/db';
import { listPendingInvitations } from '@/lib/invitations/queries';
import { cursorSchema } from '@/lib/pagination/cursor';
import { listMembers } from '@/lib/members/queries';
import { roleLevels, roles } from '@/lib/permissions/schemas';
import { getWorkspace } from '@/lib/workspace/workspace';
import { Forbidden } from '@/components/workspace/forbidden';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage({ searchParams }: PageProps<'/w/[slug]/members'>) {
  const workspace = await getWorkspace();
  if (workspace.kind !== 'member') return null;
  if (!workspace.can('members:read')) return <Forbidden what="the member list" />;
  const params = await searchParams;
  const q = typeof params.q === 'string' ? params.q.slice(0, 100) : '';
  const cursor = typeof params.cursor === 'string' && cursorSchema.safeParse(params.cursor).success ? params.cursor : undefined;
  const { tenant, user, membership } = workspace;
  const canInvite = workspace.can('members:invite');
  const [page, invitations] = await withRls(rlsClaimsOf(user), async (tx) => [
    await listMembers(tx, { orgId: tenant.id, search: q || undefined, cursor, limit: 25 }),
    canInvite ? (await listPendingInvitations(tx, { orgId: tenant.id, limit: 100 })).items : [],
  ] as const);
  const qs = (extra: Record<string, string>) => `?${new URLSearchParams({ ...(q ? { q } : {}), ...extra })}`;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <div className="flex items-center gap-3">
            <h1 className="text-2xl font-semibold">Members</h1>
            <LiveRefresh topic={`org:${tenant.id}:members`} />
          </div>
          <p className="mt-1 text-sm text-muted">People who can work in {tenant.name}.</p>
        </div>
        {canInvite ? (
          <InviteDialog roles={roles.filter((r) => r !== 'owner' && roleLevels[r] <= membership.level)} />
        ) : null}
      </div>
      <form role="search" className="flex max-w-md gap-2" action="">
        <label htmlFor="member-search" className="sr-only">Search members</label>
        <Input id="member-search" name="q" type="search" placeholder="Search by name or email" defaultValue={q} />
        <Button type="submit" variant="secondary">Search</Button>
      </form>
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border px-4 py-10 text-center text-muted">
          {q ? `No member matches “${q}”.` : 'No members yet.'}
        </p>
      ) : (
        <MemberTable
          members={page.items}
          me={user.id}
          myRole={membership.role}
          canUpdateRole={workspace.can('members:update_role')}
          canRemove={workspace.can('members:remove')}
        />
      )}
      <nav aria-label="Member pages" className="flex gap-3">
        {cursor ? <Link className="text-sm text-primary hover:underline" href={qs({})}>← First page</Link> : null}
        {page.nextCursor ? (
          <Link className="text-sm text-primary hover:underline" href={qs({ cursor: page.nextCursor })}>Next page →</Link>
        ) : null}
      </nav>
      {canInvite ? <PendingInvitations invitations={invitations} /> : null}
    </div>
  );
}
