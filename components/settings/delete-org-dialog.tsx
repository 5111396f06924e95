'use client';

import { useActionState, useState } from 'react';
import { Field } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { formErrorsFor, type FormState } from '@/lib/forms/form-state';
import { deleteOrganizationAction } from '@/lib/workspace/org-actions';

/** Deleting needs the subdomain typed out; the server checks it again. */
export function DeleteOrgDialog({ slug, name }: { slug: string; name: string }) {
  const [typed, setTyped] = useState('');
  const [state, action] = useActionState<FormState, FormData>(deleteOrganizationAction, {});
  const { message, fieldErrors } = formErrorsFor(state, ['confirmation']);
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="danger">Delete organization</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Delete {name}?</DialogTitle>
        <DialogDescription>
          This deletes the organization and all of its data (members, invitations, audit log) for good. It cannot be undone.
        </DialogDescription>
        <form action={action} className="mt-5 space-y-4">
          <FormMessage message={message} />
          <Field
            id="delete-confirmation"
            label={
              <>
                Type <strong className="font-mono">{slug}</strong> to confirm
              </>
            }
            error={fieldErrors.confirmation}
          >
            {(control) => (
              <Input {...control} name="confirmation" autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} />
            )}
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                Cancel
              </Button>
            </DialogClose>
            <SubmitButton variant="danger" disabled={typed.trim() !== slug} pendingText="Deleting…">
              Delete forever
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
