'use client';

import { useActionState, useEffect, useState } from 'react';
import { FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Label } from '@/components/ui/label';
import { notify } from '@/components/ui/toast';
import type { FormState } from '@/lib/forms/form-state';
import { inviteMemberAction } from '@/lib/workspace/member-actions';

/** "Invite member" button and dialog: email + role; the invitation email goes out on success. */
export function InviteDialog({ roles }: { roles: string[] }) {
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState<FormState, FormData>(inviteMemberAction, {});
  useEffect(() => {
    if (state.ok) {
      setOpen(false);
      notify({ title: state.message ?? 'Invitation sent', tone: 'success' });
    }
  }, [state]);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Invite member</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Invite a member</DialogTitle>
        <DialogDescription>They get an email with a link that works once and expires in 7 days.</DialogDescription>
        <form action={action} className="mt-4 space-y-4" noValidate>
          {!state.ok ? <FormMessage message={state.message} /> : null}
          <FormField name="email" id="invite-email" type="email" label="Email address" required autoComplete="off" defaultValue={state.values?.email} error={state.fieldErrors?.email} />
          <div className="space-y-1.5">
            <Label htmlFor="invite-role">Role</Label>
            <select id="invite-role" name="role" defaultValue={state.values?.role ?? 'member'} className="h-10 w-full rounded-md border border-border bg-surface px-3 text-sm">
              {roles.map((role) => (
                <option key={role} value={role}>
                  {role[0]!.toUpperCase() + role.slice(1)}
                </option>
              ))}
            </select>
            {state.fieldErrors?.role ? <p className="text-sm text-danger">{state.fieldErrors.role}</p> : null}
          </div>
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <SubmitButton pendingText="Sending…">Send invitation</SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
