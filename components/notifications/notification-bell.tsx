'use client';

import { Bell, CheckCheck } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useCallback } from 'react';
import { tenantPath } from '@/components/shell/nav-items';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { RelativeTime } from '@/components/ui/relative-time';
import { cn } from '@/lib/cn';
import { useNotificationFeed, useNotificationLiveSync } from './use-notifications';

/** Mounted once by the shell: keeps the bell (and an open /notifications page) live. */
export function NotificationLiveSync({ orgId, userId }: { orgId: string; userId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const onChange = useCallback(() => {
    if (tenantPath(pathname).startsWith('/notifications')) router.refresh();
  }, [pathname, router]);
  useNotificationLiveSync(orgId, userId, onChange);
  return null;
}

/**
 * The shell's bell: the unread count (live, from the user's private Realtime topic) and the
 * newest notifications; choosing one marks it read and opens where it leads.
 */
export function NotificationBell({ orgId, className }: { orgId: string; className?: string }) {
  const router = useRouter();
  const { data, isError, markRead } = useNotificationFeed(orgId);
  const unread = data?.unreadCount ?? 0;
  const label = unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={label}
        title={label}
        data-testid="notification-bell"
        className={cn('relative grid h-9 w-9 shrink-0 place-items-center rounded-md text-muted transition-colors hover:bg-accent hover:text-foreground', className)}
      >
        <Bell aria-hidden className="h-[18px] w-[18px]" />
        {unread > 0 ? (
          <span data-testid="notification-count" className="absolute -right-0.5 -top-0.5 min-w-[18px] rounded-full bg-danger px-1 text-center text-[11px] font-semibold leading-[18px] text-danger-foreground">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-80">
        <div className="flex items-center justify-between gap-2 px-2 py-1.5">
          <DropdownMenuLabel className="p-0">Notifications</DropdownMenuLabel>
          {unread > 0 ? (
            <button type="button" onClick={() => void markRead({ all: true })} className="inline-flex items-center gap-1 text-xs text-muted hover:text-foreground">
              <CheckCheck aria-hidden className="h-3.5 w-3.5" />
              Mark all read
            </button>
          ) : null}
        </div>
        <DropdownMenuSeparator />
        {isError ? <p className="px-2 py-3 text-sm text-muted">Notifications could not be loaded.</p> : null}
        {data && data.data.length === 0 ? <p className="px-2 py-3 text-sm text-muted">You are all caught up.</p> : null}
        {data?.data.map((n) => (
          <DropdownMenuItem
            key={n.id}
            onSelect={() => {
              if (!n.readAt) void markRead({ ids: [n.id] });
              router.push(n.path);
            }}
            className="flex items-start gap-2 py-2"
          >
            <span aria-hidden className={cn('mt-1.5 h-2 w-2 shrink-0 rounded-full', n.readAt ? 'bg-transparent' : 'bg-primary')} />
            <span className="min-w-0 flex-1">
              <span className={cn('block text-sm', !n.readAt && 'font-medium')}>{n.title}</span>
              <RelativeTime date={n.occurredAt} className="text-xs text-muted" />
            </span>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/notifications" className="justify-center text-sm">See all notifications</Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
