'use client';

import { LogOut } from 'lucide-react';
import { useTransition } from 'react';
import { DropdownMenuItem } from '@/components/ui/dropdown-menu';
import { signOutAction } from '@/lib/auth/account-actions';

/**
 * "Sign out" (this host only) as a menu item. A menu item closes its menu, unmounting
 * any form inside it, so the item calls the server action directly.
 */
export function SignOutMenuItem() {
  const [pending, startTransition] = useTransition();
  const signOut = () => {
    const form = new FormData();
    form.set('scope', 'local');
    startTransition(() => signOutAction(form));
  };
  return (
    <DropdownMenuItem disabled={pending} onSelect={signOut}>
      <LogOut aria-hidden className="h-4 w-4 text-muted" />
      {pending ? 'Signing out…' : 'Sign out'}
    </DropdownMenuItem>
  );
}
