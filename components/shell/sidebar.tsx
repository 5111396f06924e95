'use client';

import { NotificationBell } from '@/components/notifications/notification-bell';
import { OrgSwitcher, type SwitcherOrg } from '@/components/workspace/org-switcher';
import { UserMenu } from '@/components/workspace/user-menu';
import { cn } from '@/lib/cn';
import type { NavItem } from './nav-items';
import { SearchButton } from './search-button';
import { SidebarNav } from './sidebar-nav';

export interface ShellUser {
  id: string;
  email: string;
  name: string | null;
  role: string;
}

/** What the sidebar shows about the workspace and the signed-in member. */
export interface ShellData {
  org: SwitcherOrg;
  orgs: SwitcherOrg[];
  apexUrl: string;
  user: ShellUser;
  items: NavItem[];
}

/**
 * The sidebar's content, for the desktop column and the phone drawer alike:
 * organization switcher (and `headerAction`: collapse or close), search, the
 * areas, then the user menu at the bottom. The theme control is the footer's
 * (one control, in the same place on every host).
 */
export function Sidebar({
  data,
  collapsed,
  headerAction,
  onSearch,
  onNavigate,
}: {
  data: ShellData;
  collapsed: boolean;
  headerAction?: React.ReactNode;
  onSearch: () => void;
  onNavigate?: () => void;
}) {
  const stack = collapsed ? 'flex-col items-center' : 'items-center';
  return (
    <div className="flex h-full flex-col">
      <div className={cn('flex gap-1 px-3 pt-3', stack)}>
        <div className={collapsed ? undefined : 'min-w-0 flex-1'}>
          <OrgSwitcher current={data.org} orgs={data.orgs} apexUrl={data.apexUrl} compact={collapsed} />
        </div>
        {headerAction}
      </div>
      <div className={cn('flex gap-1 px-3 pb-1 pt-3', collapsed ? 'flex-col items-center' : 'items-center')}>
        <SearchButton onClick={onSearch} compact={collapsed} />
        <NotificationBell orgId={data.org.id} />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-3 py-3">
        <SidebarNav items={data.items} collapsed={collapsed} onNavigate={onNavigate} />
      </div>
      <div className={cn('border-t border-border p-3', collapsed && 'flex justify-center')}>
        <UserMenu
          email={data.user.email}
          role={data.user.role}
          userId={data.user.id}
          name={data.user.name}
          layout={collapsed ? 'avatar' : 'row'}
        />
      </div>
    </div>
  );
}
