'use client';

import { useActionState, useEffect, useId, useState } from 'react';
import { Button, type ButtonProps } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { notify } from '@/components/ui/toast';
import { formErrorsFor, type FormState } from '@/lib/forms/form-state';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

export interface ConfirmDialogProps {
  action: FormAction;
  fields: Record<string, string>;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  variant?: ButtonProps['variant'];
}

/**
 * The dialog of a confirmed action, controlled by `open`: runs `action` with the
 * hidden `fields`; success closes it with a toast, errors stay in it. Used by
 * ConfirmAction (with its own button) and by row-action menus.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  action,
  fields,
  title,
  description,
  confirmLabel,
  variant = 'danger',
  children,
}: ConfirmDialogProps & { open: boolean; onOpenChange: (open: boolean) => void; children?: React.ReactNode }) {
  const [state, formAction] = useActionState<FormState, FormData>(action, {});
  useEffect(() => {
    if (state.ok) {
      onOpenChange(false);
      notify({ title: state.message ?? 'Done', tone: 'success' });
    }
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps
  const { message } = formErrorsFor(state, []);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {children}
      <DialogContent>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
        <form action={formAction} className="mt-4">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <FormMessage message={message} />
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <SubmitButton variant={variant}>{confirmLabel}</SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/**
 * A button that asks for confirmation in a dialog, then runs a server action.
 * When the action cannot succeed, pass `disabledReason`: the button is disabled
 * and the reason is shown beside it (instead of failing after the confirmation).
 */
export function ConfirmAction({
  trigger,
  triggerVariant = 'ghost',
  triggerSize = 'sm',
  disabledReason,
  ...dialog
}: ConfirmDialogProps & {
  trigger: string;
  triggerVariant?: ButtonProps['variant'];
  triggerSize?: ButtonProps['size'];
  disabledReason?: string;
}) {
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  if (disabledReason) {
    return (
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <Button variant={triggerVariant} size={triggerSize} disabled aria-describedby={reasonId}>
          {trigger}
        </Button>
        <p id={reasonId} className="text-sm text-muted">
          {disabledReason}
        </p>
      </div>
    );
  }
  return (
    <ConfirmDialog open={open} onOpenChange={setOpen} {...dialog}>
      <DialogTrigger asChild>
        <Button variant={triggerVariant} size={triggerSize}>
          {trigger}
        </Button>
      </DialogTrigger>
    </ConfirmDialog>
  );
}
