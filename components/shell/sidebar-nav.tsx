'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useId } from 'react';
import { cn } from '@/lib/cn';
import { isCurrentNavItem, navSections, type NavItem } from './nav-items';

/**
 * The workspace areas as links, grouped by section; the current one carries
 * aria-current="page". Collapsed, only icons show: the label stays for screen
 * readers and appears as the tooltip.
 */
export function SidebarNav({ items, collapsed, onNavigate }: { items: NavItem[]; collapsed: boolean; onNavigate?: () => void }) {
  const pathname = usePathname();
  const idPrefix = useId();
  return (
    <nav aria-label="Workspace" className="flex flex-col gap-4">
      {navSections.map((section) => {
        const inSection = items.filter((item) => item.section === section.id);
        if (inSection.length === 0) return null;
        const headingId = `${idPrefix}-${section.id}`;
        return (
          <div key={section.id}>
            {section.label ? (
              collapsed ? (
                <div aria-hidden className="mx-3 mb-2 h-px bg-border" />
              ) : (
                <p id={headingId} className="mb-1 px-2.5 text-[11px] font-medium uppercase tracking-wider text-muted">
                  {section.label}
                </p>
              )
            ) : null}
            <ul className="flex flex-col gap-0.5" aria-labelledby={section.label && !collapsed ? headingId : undefined}>
              {inSection.map((item) => {
                const current = isCurrentNavItem(item, pathname);
                const Icon = item.icon;
                return (
                  <li key={item.id}>
                    <Link
                      href={item.href}
                      onClick={onNavigate}
                      aria-current={current ? 'page' : undefined}
                      title={collapsed ? item.label : undefined}
                      className={cn(
                        'group flex h-9 items-center gap-3 rounded-md text-sm transition-colors',
                        collapsed ? 'mx-auto w-10 justify-center' : 'px-2.5',
                        current
                          ? 'bg-accent font-medium text-foreground'
                          : 'text-muted hover:bg-accent/60 hover:text-foreground',
                      )}
                    >
                      <Icon aria-hidden className={cn('h-[18px] w-[18px] shrink-0', current ? 'text-primary' : 'text-muted group-hover:text-foreground')} />
                      <span className={collapsed ? 'sr-only' : 'truncate'}>{item.label}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
