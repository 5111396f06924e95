'use client';

import { PanelLeftClose, PanelLeftOpen } from 'lucide-react';
import { usePathname } from 'next/navigation';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { NotificationLiveSync } from '@/components/notifications/notification-bell';
import type { SwitcherOrg } from '@/components/workspace/org-switcher';
import { cn } from '@/lib/cn';
import type { Permission } from '@/lib/permissions/schemas';
import { CommandPalette } from './command-palette';
import { MobileNav } from './mobile-nav';
import { visibleNavItems } from './nav-items';
import { Sidebar, type ShellData, type ShellUser } from './sidebar';
import { sidebarCookie } from './sidebar-cookie';

/**
 * The workspace frame on tenant hosts: the sidebar (collapsible to an icon rail on
 * desktop, remembered in a cookie the server reads), a top bar and drawer on
 * phones, the command palette (Ctrl/Cmd-K) and the content column with its footer.
 * Areas come from the one nav list, filtered by the member's permissions.
 */
export function AppShell({
  org,
  orgs,
  apexUrl,
  user,
  permissions,
  defaultCollapsed,
  footer,
  children,
}: {
  org: SwitcherOrg;
  orgs: SwitcherOrg[];
  apexUrl: string;
  user: ShellUser;
  permissions: Permission[];
  defaultCollapsed: boolean;
  footer?: React.ReactNode;
  children: React.ReactNode;
}) {
  const data: ShellData = { org, orgs, apexUrl, user, items: visibleNavItems(permissions) };
  const [collapsed, setCollapsed] = useState(defaultCollapsed);
  const [paletteOpen, setPaletteOpen] = useState(false);
  // Where focus goes back when the palette closes (Radix returns it only to a Dialog.Trigger).
  const beforePalette = useRef<HTMLElement | null>(null);
  const setPalette = (open: boolean) => {
    if (open && document.activeElement instanceof HTMLElement) beforePalette.current = document.activeElement;
    setPaletteOpen(open);
  };
  const [drawerOpen, setDrawerOpen] = useState(false);

  // A new page closes the drawer (set during render: no extra paint with it open).
  const pathname = usePathname();
  const [shownPath, setShownPath] = useState(pathname);
  if (pathname !== shownPath) {
    setShownPath(pathname);
    setDrawerOpen(false);
  }

  const togglePalette = useEffectEvent(() => setPalette(!paletteOpen));
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'k' || !(event.metaKey || event.ctrlKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      togglePalette();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const toggleCollapsed = () => {
    const next = !collapsed;
    setCollapsed(next);
    document.cookie = sidebarCookie(next);
  };
  const CollapseIcon = collapsed ? PanelLeftOpen : PanelLeftClose;

  return (
    <>
      <NotificationLiveSync orgId={org.id} userId={user.id} />
      <div className="md:flex">
        <aside
          id="app-sidebar"
          aria-label="Sidebar"
          data-state={collapsed ? 'collapsed' : 'expanded'}
          className={cn(
            'sticky top-0 hidden h-dvh shrink-0 border-r border-border bg-surface transition-[width] duration-200 ease-out motion-reduce:transition-none md:block',
            collapsed ? 'w-16' : 'w-64',
          )}
        >
          <Sidebar
            data={data}
            collapsed={collapsed}
            onSearch={() => setPalette(true)}
            headerAction={
              <button
                type="button"
                onClick={toggleCollapsed}
                aria-expanded={!collapsed}
                aria-controls="app-sidebar"
                aria-label={collapsed ? 'Expand sidebar' : 'Collapse sidebar'}
                title={collapsed ? 'Expand sidebar' : 'Collapse sidebar'}
                className="grid h-9 w-9 shrink-0 place-items-center rounded-md text-muted transition-colors hover:bg-accent hover:text-foreground"
              >
                <CollapseIcon aria-hidden className="h-[18px] w-[18px]" />
              </button>
            }
          />
        </aside>
        <div className="flex min-h-dvh min-w-0 flex-1 flex-col">
          <MobileNav data={data} open={drawerOpen} onOpenChange={setDrawerOpen} onSearch={() => setPalette(true)} />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6 lg:px-10 lg:py-10 has-[[data-wide-page]]:max-w-none">
            {children}
          </main>
          {/* The shared footer's inner column takes the content's side padding, so their edges line up. */}
          <div className="[&_footer>div]:px-4 sm:[&_footer>div]:px-6 lg:[&_footer>div]:px-10">{footer}</div>
        </div>
      </div>
      <CommandPalette
        open={paletteOpen}
        onOpenChange={setPalette}
        returnFocus={() => beforePalette.current}
        pages={data.items}
        current={org}
        orgs={orgs}
        apexUrl={apexUrl}
        canReadMembers={permissions.includes('members:read')}
      />
    </>
  );
}
