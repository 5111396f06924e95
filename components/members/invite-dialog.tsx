'use client';

import { UserPlus } from 'lucide-react';
import { useActionState, useEffect, useState } from 'react';
import { Field, FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFocusFirstError } from '@/components/forms/use-focus-first-error';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Select } from '@/components/ui/select';
import { notify } from '@/components/ui/toast';
import { formErrorsFor, type FormState } from '@/lib/forms/form-state';
import type { Role } from '@/lib/permissions/schemas';
import { inviteMemberAction } from '@/lib/workspace/member-actions';
import { roleOptions } from './roles';

const FIELDS = ['email', 'role'] as const;

/** "Invite member" button and dialog: email + role; the invitation email goes out on success. */
export function InviteDialog({ roles }: { roles: Role[] }) {
  const [open, setOpen] = useState(false);
  // Keyed per opening: a closed dialog forgets its errors and values.
  const [opening, setOpening] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setOpening((n) => n + 1);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden className="h-4 w-4" />
          Invite member
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Invite a member</DialogTitle>
        <DialogDescription>They get an email with a link that works once and expires in 7 days.</DialogDescription>
        <InviteForm key={opening} roles={roles} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function InviteForm({ roles, onDone }: { roles: Role[]; onDone: () => void }) {
  const [state, action] = useActionState<FormState, FormData>(inviteMemberAction, {});
  useEffect(() => {
    if (!state.ok) return;
    onDone();
    notify({ title: state.message ?? 'Invitation sent', tone: 'success' });
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps
  const { message, fieldErrors } = formErrorsFor(state, FIELDS);
  const formRef = useFocusFirstError(state);
  return (
    <form ref={formRef} action={action} className="mt-5 space-y-4" noValidate>
      <FormMessage message={message} />
      <FormField
        name="email"
        id="invite-email"
        type="email"
        label="Email address"
        placeholder="name@company.com"
        required
        autoComplete="off"
        defaultValue={state.values?.email}
        error={fieldErrors.email}
      />
      <Field id="invite-role" label="Role" error={fieldErrors.role}>
        {(control) => (
          <Select {...control} name="role" defaultValue={state.values?.role ?? 'member'} options={roleOptions(roles)} />
        )}
      </Field>
      <DialogFooter>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <SubmitButton pendingText="Sending…">Send invitation</SubmitButton>
      </DialogFooter>
    </form>
  );
}
