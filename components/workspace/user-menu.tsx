'use client';

import { ChevronsUpDown, LayoutGrid, UserRound } from 'lucide-react';
import { SignOutMenuItem } from '@/components/auth/sign-out-menu-item';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { cn } from '@/lib/cn';

/**
 * The signed-in user's menu: your workspaces, account settings and sign out (this host only).
 * `layout="row"` is the sidebar's full-width row (avatar, name, role);
 * the default is the avatar alone, as in a header or the collapsed sidebar.
 */
export function UserMenu({
  email,
  role,
  userId,
  name,
  layout = 'avatar',
}: {
  email: string;
  role?: string;
  /** Keeps the avatar's colour stable (defaults to the email). */
  userId?: string;
  name?: string | null;
  layout?: 'avatar' | 'row';
}) {
  const display = name?.trim() || email;
  const row = layout === 'row';
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={`Account menu for ${email}`}
        title={email}
        className={cn(
          'flex items-center gap-2.5 rounded-md text-left transition-colors hover:bg-accent data-[state=open]:bg-accent',
          row ? 'h-11 w-full min-w-0 px-2' : 'h-10 w-10 justify-center',
        )}
      >
        <Avatar id={userId ?? email} name={display} size="sm" />
        {row ? (
          <>
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm font-medium leading-tight">{display}</span>
              <span className="block truncate text-xs leading-tight text-muted">{name?.trim() ? email : role}</span>
            </span>
            <ChevronsUpDown aria-hidden className="h-4 w-4 shrink-0 text-muted" />
          </>
        ) : null}
      </DropdownMenuTrigger>
      <DropdownMenuContent align={row ? 'start' : 'end'} side={row ? 'top' : 'bottom'} className="w-72">
        <DropdownMenuLabel className="flex items-center gap-2.5 py-2 font-normal">
          <Avatar id={userId ?? email} name={display} size="md" />
          <span className="min-w-0 flex-1">
            {name?.trim() ? <span className="block truncate text-sm font-medium text-foreground">{name}</span> : null}
            <span className="block text-xs [overflow-wrap:anywhere]">{email}</span>
          </span>
          {role ? (
            <Badge tone="outline" className="capitalize">
              <span className="sr-only">Role: </span>
              {role}
            </Badge>
          ) : null}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <a href="/workspaces">
            <LayoutGrid aria-hidden className="h-4 w-4 text-muted" />
            Your workspaces
          </a>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <a href="/account">
            <UserRound aria-hidden className="h-4 w-4 text-muted" />
            Account settings
          </a>
        </DropdownMenuItem>
        <SignOutMenuItem />
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
