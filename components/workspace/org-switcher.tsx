'use client';

import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { switchOrganizationAction } from '@/lib/workspace/switch-action';

export interface SwitcherOrg {
  slug: string;
  name: string;
  role: string;
}

/** Lists the user's organizations; choosing one opens it on its own host. */
export function OrgSwitcher({ current, orgs, apexUrl }: { current: SwitcherOrg; orgs: SwitcherOrg[]; apexUrl: string }) {
  const [switching, startTransition] = useTransition();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" className="gap-2 px-2" aria-label={`Organization: ${current.name}. Switch organization`}>
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-primary text-sm font-semibold text-primary-foreground">
            {current.name.slice(0, 1).toUpperCase()}
          </span>
          <span className="max-w-40 truncate font-semibold">{current.name}</span>
          <span aria-hidden className="text-muted">{switching ? '…' : '▾'}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-64">
        <DropdownMenuLabel>Your organizations</DropdownMenuLabel>
        {orgs.map((org) => (
          <DropdownMenuItem
            key={org.slug}
            disabled={org.slug === current.slug || switching}
            onSelect={() => startTransition(() => switchOrganizationAction(org.slug))}
          >
            <span className="flex-1 truncate">{org.name}</span>
            <span className="text-xs text-muted">{org.slug === current.slug ? 'current' : org.role}</span>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <a href={`${apexUrl}/new-organization`}>+ Create an organization</a>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
