'use client';

import { Check, ChevronsUpDown, LoaderCircle, Plus } from 'lucide-react';
import { useTransition } from 'react';
import { Avatar } from '@/components/ui/avatar';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { cn } from '@/lib/cn';
import { switchOrganizationAction } from '@/lib/workspace/switch-action';

export interface SwitcherOrg {
  /** The organization's id: keeps its avatar colour when the name or subdomain changes. */
  id: string;
  slug: string;
  name: string;
  role: string;
}

/** The organization's mark: its initials on its stable colour, square to tell it from people. */
export function OrgMark({ org, size = 'sm' }: { org: Pick<SwitcherOrg, 'id' | 'name'>; size?: 'xs' | 'sm' }) {
  return <Avatar id={org.id} name={org.name} size={size} className="rounded-md" />;
}

/**
 * Lists the user's organizations; choosing one opens it on its own host, signed in
 * through a handoff code (switchOrganizationAction). `compact` shows only the mark
 * (the collapsed sidebar), with the name as tooltip and accessible name.
 */
export function OrgSwitcher({
  current,
  orgs,
  apexUrl,
  compact = false,
}: {
  current: SwitcherOrg;
  orgs: SwitcherOrg[];
  apexUrl: string;
  compact?: boolean;
}) {
  const [switching, startTransition] = useTransition();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={`Organization: ${current.name}. Switch organization`}
        title={compact ? current.name : undefined}
        className={cn(
          'flex h-10 items-center gap-2.5 rounded-md text-left transition-colors hover:bg-accent data-[state=open]:bg-accent',
          compact ? 'w-10 justify-center' : 'w-full min-w-0 px-2',
        )}
      >
        <OrgMark org={current} />
        {compact ? null : (
          <>
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm font-semibold leading-tight">{current.name}</span>
              <span className="block truncate text-xs capitalize leading-tight text-muted">{current.role}</span>
            </span>
            {switching ? (
              <LoaderCircle aria-hidden className="h-4 w-4 shrink-0 animate-spin text-muted" />
            ) : (
              <ChevronsUpDown aria-hidden className="h-4 w-4 shrink-0 text-muted" />
            )}
          </>
        )}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" side={compact ? 'right' : 'bottom'} className="w-64">
        <DropdownMenuLabel>Your organizations</DropdownMenuLabel>
        {orgs.map((org) => {
          const isCurrent = org.slug === current.slug;
          return (
            <DropdownMenuItem
              key={org.slug}
              disabled={switching}
              onSelect={() => (isCurrent ? undefined : startTransition(() => switchOrganizationAction(org.slug)))}
            >
              <OrgMark org={org} size="xs" />
              <span className="min-w-0 flex-1 truncate">{org.name}</span>
              {isCurrent ? (
                <>
                  <Check aria-hidden className="h-4 w-4 text-primary" />
                  <span className="sr-only">(current)</span>
                </>
              ) : (
                <span className="text-xs capitalize text-muted">{org.role}</span>
              )}
            </DropdownMenuItem>
          );
        })}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <a href={`${apexUrl}/new-organization`}>
            <span aria-hidden className="grid h-5 w-5 place-items-center rounded-md border border-dashed border-border text-muted">
              <Plus className="h-3 w-3" />
            </span>
            Create an organization
          </a>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
