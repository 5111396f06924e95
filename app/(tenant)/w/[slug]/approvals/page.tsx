import { CheckCheck, ChevronRight, Inbox, Settings2 } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ApprovalList } from '@/components/approvals/approval-list';
import { AskSignOffDialog } from '@/components/approvals/ask-dialog';
import { ApprovalTabs, type ApprovalTab } from '@/components/approvals/approval-tabs';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Forbidden } from '@/components/workspace/forbidden';
import { listApprovals, type Person } from '@/lib/approvals/queries';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { withRls } from '@/lib/db';
import { listMembers } from '@/lib/members/queries';
import { cursorSchema } from '@/lib/pagination/cursor';
import { getWorkspace } from '@/lib/workspace/workspace';

export const metadata: Metadata = { title: 'Approvals' };

const tabs: ApprovalTab[] = ['waiting', 'mine', 'all'];
const empty: Record<ApprovalTab, { title: string; description: string }> = {
  waiting: { title: 'Nothing waits for you', description: 'Requests that name you as an approver show up here.' },
  mine: { title: 'You have not asked for anything yet', description: 'Ask for sign-off on a decision, or change a role the policy holds for approval.' },
  all: { title: 'No approval requests yet', description: 'Sign-offs and role changes held for approval show up here, with their decisions.' },
};

/** The approvals inbox: waiting for me, requested by me, all; newest first, live. */
export default async function ApprovalsPage({ searchParams }: PageProps<'/w/[slug]/approvals'>) {
  const workspace = await getWorkspace();
  if (workspace.kind !== 'member') return null;
  if (!workspace.can('approvals:read')) return <Forbidden what="approvals" />;
  const params = await searchParams;
  const tab = tabs.find((t) => t === params.tab) ?? 'waiting';
  const cursorText = typeof params.cursor === 'string' ? params.cursor : undefined;
  const cursor = cursorText && cursorSchema.safeParse(cursorText).success ? cursorText : undefined;
  const { tenant, user } = workspace;
  const [page, members] = await withRls(rlsClaimsOf(user), async (tx) => [
    await listApprovals(tx, { orgId: tenant.id, filter: tab, cursor, limit: 25 }),
    (await listMembers(tx, { orgId: tenant.id, limit: 100 })).items,
  ] as const, { orgId: tenant.id });
  const people: Record<string, Person> = Object.fromEntries(members.map((m) => [m.userId, { id: m.userId, name: m.name, email: m.email }]));
  return (
    <div>
      <PageHeader
        title="Approvals"
        titleAddon={<LiveRefresh topic={`org:${tenant.id}:approvals`} />}
        description="Sign-offs and changes that wait for a decision. Requesters never approve their own."
        actions={
          <>
            {workspace.can('approvals:manage') ? (
              <Button asChild variant="secondary"><Link href="/approvals/policies"><Settings2 aria-hidden className="h-4 w-4" />Policies</Link></Button>
            ) : null}
            {workspace.can('approvals:create') ? <AskSignOffDialog /> : null}
          </>
        }
      />
      <ApprovalTabs current={tab} counts={page.counts} />
      <div className="mt-4">
        {page.items.length === 0 ? (
          <EmptyState icon={tab === 'waiting' ? CheckCheck : Inbox} title={empty[tab].title} description={empty[tab].description} />
        ) : (
          <div className="space-y-4">
            <ApprovalList items={page.items} people={people} />
            {page.nextCursor ? (
              <nav aria-label="Approval pages" className="flex justify-end">
                <Button asChild variant="secondary" size="sm">
                  <Link href={`?${new URLSearchParams({ tab, cursor: page.nextCursor })}`}>Older requests<ChevronRight aria-hidden className="h-4 w-4" /></Link>
                </Button>
              </nav>
            ) : null}
          </div>
        )}
      </div>
    </div>
  );
}
