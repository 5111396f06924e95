'use client';

import { LayoutGrid, UserRound } from 'lucide-react';
import Link from 'next/link';
import { SignOutMenuItem } from '@/components/auth/sign-out-menu-item';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';

export interface MenuUser {
  id: string;
  email: string;
  name: string | null;
}

/** The signed-in visitor's avatar in the site header, with a small menu: workspaces, account, sign out. */
export function AccountMenu({ user }: { user: MenuUser }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="rounded-full" aria-label={`Account menu for ${user.email}`}>
          <Avatar id={user.id} name={user.name ?? user.email} size="sm" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-72 max-w-[calc(100vw-1rem)]">
        <DropdownMenuLabel className="flex items-center gap-3 py-2">
          <Avatar id={user.id} name={user.name ?? user.email} size="md" />
          <span className="min-w-0">
            {user.name ? <span className="block truncate text-sm font-medium text-foreground">{user.name}</span> : null}
            <span className="block truncate text-xs font-normal">{user.email}</span>
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/workspaces">
            <LayoutGrid aria-hidden className="h-4 w-4 text-muted" />
            Your workspaces
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/account">
            <UserRound aria-hidden className="h-4 w-4 text-muted" />
            Account
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <SignOutMenuItem />
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
