'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/cn';

export interface NavItem {
  href: string;
  label: string;
}

/** Workspace sections; the current one is marked for sighted and screen-reader users. */
export function WorkspaceNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Workspace" className="flex gap-1 overflow-x-auto">
      {items.map((item) => {
        const active = item.href === '/' ? pathname === '/' || /^\/w\/[^/]+\/?$/.test(pathname) : pathname.endsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'rounded-md px-3 py-2 text-sm font-medium text-muted hover:bg-accent hover:text-foreground',
              active && 'bg-accent text-foreground',
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
