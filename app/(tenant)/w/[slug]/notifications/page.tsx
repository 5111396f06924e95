import { BellOff, ChevronRight, Settings2 } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { MarkAllReadButton, MarkReadButton } from '@/components/notifications/inbox-actions';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/relative-time';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { cn } from '@/lib/cn';
import { withRls } from '@/lib/db';
import { eventLabel } from '@/lib/notifications/event-labels';
import { listNotifications } from '@/lib/notifications/inbox';
import { getWorkspace } from '@/lib/workspace/workspace';

export const metadata: Metadata = { title: 'Notifications' };

const first = (value: string | string[] | undefined) => (typeof value === 'string' && value ? value : undefined);

/** The notification centre: the member's own notifications, newest first (kept live by the shell's subscription). */
export default async function NotificationsPage({ searchParams }: PageProps<'/w/[slug]/notifications'>) {
  const workspace = await getWorkspace();
  if (workspace.kind !== 'member') return null;
  const params = await searchParams;
  const unread = first(params.filter) === 'unread';
  const cursor = first(params.cursor);
  const page = await withRls(rlsClaimsOf(workspace.user), (tx) =>
    listNotifications(tx, { orgId: workspace.tenant.id, unread: unread ? 'true' : undefined, cursor, limit: 25 }).catch(() =>
      listNotifications(tx, { orgId: workspace.tenant.id, unread: unread ? 'true' : undefined, limit: 25 })),
  );
  const tabs = [
    { href: '/notifications', label: 'All', current: !unread },
    { href: '/notifications?filter=unread', label: `Unread (${page.unreadCount})`, current: unread },
  ];
  return (
    <div>
      <PageHeader
        title="Notifications"
        description="What happened to your tasks and approvals. Choose what reaches you, and where, in your preferences."
        actions={
          <>
            <MarkAllReadButton disabled={page.unreadCount === 0} />
            <Button asChild variant="secondary" size="sm">
              <Link href="/notifications/preferences"><Settings2 aria-hidden className="h-4 w-4" />Preferences</Link>
            </Button>
          </>
        }
      />
      <nav aria-label="Filter notifications" className="mb-4 flex gap-1">
        {tabs.map((tab) => (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={tab.current ? 'page' : undefined}
            className={cn('rounded-md px-3 py-1.5 text-sm', tab.current ? 'bg-accent font-medium text-foreground' : 'text-muted hover:text-foreground')}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      {page.items.length === 0 ? (
        <EmptyState
          icon={BellOff}
          title={unread ? 'Nothing unread' : 'No notifications yet'}
          description={unread ? 'You have read everything.' : 'When someone assigns you a task, comments on it or asks for your approval, it shows up here.'}
        />
      ) : (
        <ul className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-surface" data-testid="notification-list">
          {page.items.map((n) => (
            <li key={n.id} className="flex items-start gap-3 px-4 py-3" data-unread={n.readAt ? undefined : 'true'}>
              <span aria-hidden className={cn('mt-2 h-2 w-2 shrink-0 rounded-full', n.readAt ? 'bg-transparent' : 'bg-primary')} />
              <div className="min-w-0 flex-1">
                <Link href={n.path} className={cn('block hover:underline', !n.readAt && 'font-medium')}>
                  {n.title}
                </Link>
                {n.body ? <p className="mt-0.5 line-clamp-2 text-sm text-muted">{n.body}</p> : null}
                <p className="mt-1 text-xs text-muted">
                  {eventLabel(n.eventName)} · <RelativeTime date={n.occurredAt} />
                  {n.readAt ? null : <span className="sr-only"> · unread</span>}
                </p>
              </div>
              {n.readAt ? null : <MarkReadButton id={n.id} title={n.title} />}
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor ? (
        <div className="mt-4 flex justify-end">
          <Button asChild variant="secondary" size="sm">
            <Link href={`?${new URLSearchParams({ ...(unread ? { filter: 'unread' } : {}), cursor: page.nextCursor })}`}>
              Older<ChevronRight aria-hidden className="h-4 w-4" />
            </Link>
          </Button>
        </div>
      ) : null}
    </div>
  );
}
