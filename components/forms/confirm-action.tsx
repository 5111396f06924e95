'use client';

import { useId, useState } from 'react';
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
 * hidden `fields`; success closes it with a toast, errors stay in it (a redirect
 * from the action navigates as usual). Used by
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
  returnFocusTo,
  children,
}: ConfirmDialogProps & {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes when the dialog closes, when it was not opened by its own trigger (e.g. from a menu). */
  returnFocusTo?: React.RefObject<HTMLElement | null>;
  children?: React.ReactNode;
}) {
  const [state, setState] = useState<FormState>({});
  // Not useActionState: the success toast must not depend on this component surviving the
  // refresh the action causes (removing a member unmounts its row, menu and this dialog).
  const formAction = async (formData: FormData) => {
    const next = await action(state, formData);
    if (next.ok) {
      notify({ title: next.message ?? 'Done', tone: 'success' });
      onOpenChange(false);
    }
    setState(next);
  };
  const { message } = formErrorsFor(state, []);
  // Closed and opened again, the dialog starts without the last error.
  const change = (next: boolean) => {
    if (!next) setState({});
    onOpenChange(next);
  };
  return (
    <Dialog open={open} onOpenChange={change}>
      {children}
      <DialogContent
        onCloseAutoFocus={(event) => {
          if (!returnFocusTo?.current) return;
          event.preventDefault();
          returnFocusTo.current.focus();
        }}
      >
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
        <form action={formAction} className="mt-4">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <FormMessage message={message} />
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => change(false)}>
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
