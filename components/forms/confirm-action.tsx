'use client';

import { useActionState, useEffect, useState } from 'react';
import { Button, type ButtonProps } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { notify } from '@/components/ui/toast';
import type { FormState } from '@/lib/forms/form-state';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A button that asks for confirmation in a dialog, then runs a server action with
 * the given hidden fields. Success closes the dialog with a toast; errors stay in it.
 */
export function ConfirmAction({
  action,
  fields,
  trigger,
  title,
  description,
  confirmLabel,
  variant = 'danger',
  triggerVariant = 'ghost',
  triggerSize = 'sm',
}: {
  action: Action;
  fields: Record<string, string>;
  trigger: string;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  variant?: ButtonProps['variant'];
  triggerVariant?: ButtonProps['variant'];
  triggerSize?: ButtonProps['size'];
}) {
  const [open, setOpen] = useState(false);
  const [state, formAction] = useActionState<FormState, FormData>(action, {});
  useEffect(() => {
    if (state.ok) {
      setOpen(false);
      notify({ title: state.message ?? 'Done', tone: 'success' });
    }
  }, [state]);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={triggerVariant} size={triggerSize}>
          {trigger}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
        <form action={formAction} className="mt-4">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {!state.ok ? <FormMessage message={state.message} /> : null}
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <SubmitButton variant={variant}>{confirmLabel}</SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
