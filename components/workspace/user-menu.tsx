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
import { signOutAction } from '@/lib/auth/account-actions';

function signOutForm(): FormData {
  const form = new FormData();
  form.set('scope', 'local');
  return form;
}

export function UserMenu({ email, role }: { email: string; role?: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Account menu for ${email}`}>
          <span aria-hidden className="grid h-8 w-8 place-items-center rounded-full bg-accent text-sm font-semibold">
            {email.slice(0, 1).toUpperCase()}
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel className="truncate">
          {email}
          {role ? <span className="block text-xs font-normal">Role: {role}</span> : null}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <a href="/account">Account settings</a>
        </DropdownMenuItem>
        {/* A menu item closes its menu (unmounting any form inside), so it calls the action directly. */}
        <DropdownMenuItem onSelect={() => startTransition(() => signOutAction(signOutForm()))} disabled={pending}>
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
