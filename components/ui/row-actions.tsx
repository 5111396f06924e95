'use client';

import { MoreHorizontal } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { ConfirmDialog, type ConfirmDialogProps } from '@/components/forms/confirm-action';
import { Button } from '@/components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { cn } from '@/lib/cn';

/** One entry of a row's "…" menu: a link, or a server action confirmed in a dialog. */
export type RowAction =
  | { kind: 'link'; label: string; href: string; icon?: React.ReactNode }
  | ({ kind: 'confirm'; label: string; icon?: React.ReactNode; danger?: boolean } & ConfirmDialogProps);

/**
 * The actions of one table row behind a "…" button, so they take one narrow column
 * on any screen. `label` names the button for assistive technology ("Actions for
 * ana@example.com"). Confirmed actions open their dialog after the menu closes.
 */
export function RowActions({ label, actions }: { label: string; actions: RowAction[] }) {
  const [confirming, setConfirming] = useState<number | null>(null);
  if (actions.length === 0) return null;
  const pending = confirming === null ? undefined : actions[confirming];
  return (
    <>
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={label} className="h-8 w-8 text-muted data-[state=open]:bg-accent">
            <MoreHorizontal aria-hidden className="h-4 w-4" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {actions.map((action, index) =>
            action.kind === 'link' ? (
              <DropdownMenuItem key={action.label} asChild>
                <Link href={action.href}>
                  {action.icon}
                  {action.label}
                </Link>
              </DropdownMenuItem>
            ) : (
              <DropdownMenuItem
                key={action.label}
                className={cn(action.danger && 'text-danger')}
                onSelect={() => setConfirming(index)}
              >
                {action.icon}
                {action.label}
              </DropdownMenuItem>
            ),
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      {pending && pending.kind === 'confirm' ? (
        <ConfirmDialog
          key={confirming}
          open
          onOpenChange={(open) => !open && setConfirming(null)}
          action={pending.action}
          fields={pending.fields}
          title={pending.title}
          description={pending.description}
          confirmLabel={pending.confirmLabel}
          variant={pending.variant}
        />
      ) : null}
    </>
  );
}
