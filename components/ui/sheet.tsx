'use client';

import * as DialogPrimitive from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { cn } from '@/lib/cn';

export const Sheet = DialogPrimitive.Root;
export const SheetTrigger = DialogPrimitive.Trigger;

/**
 * A side sheet: a Radix dialog on the right edge (focus trapped, Escape and the close
 * button close it) with a header (title, optional description) and a scrolling body.
 * Full width on phones, `max-w-lg` (or `className`) from there.
 */
export function SheetContent({
  title,
  description,
  headerAddon,
  className,
  children,
  ...props
}: Omit<React.ComponentProps<typeof DialogPrimitive.Content>, 'title'> & {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Beside the close button (a status badge, a menu). */
  headerAddon?: React.ReactNode;
}) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-black/40 animate-fade-in" />
      <DialogPrimitive.Content
        className={cn('fixed inset-y-0 right-0 z-50 flex w-full max-w-lg flex-col border-l border-border bg-surface shadow-2xl animate-slide-up', className)}
        {...(description ? {} : { 'aria-describedby': undefined })}
        {...props}
      >
        <div className="flex items-start justify-between gap-4 border-b border-border px-5 py-4">
          <div className="min-w-0">
            <DialogPrimitive.Title className="text-base font-semibold [overflow-wrap:anywhere]">{title}</DialogPrimitive.Title>
            {description ? <DialogPrimitive.Description className="text-xs text-muted">{description}</DialogPrimitive.Description> : null}
          </div>
          <div className="flex shrink-0 items-center gap-1">
            {headerAddon}
            <DialogPrimitive.Close aria-label="Close" className="rounded-md p-1.5 text-muted hover:bg-accent hover:text-foreground">
              <X aria-hidden className="h-4 w-4" />
            </DialogPrimitive.Close>
          </div>
        </div>
        <div className="flex-1 overflow-y-auto px-5 py-5">{children}</div>
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}
