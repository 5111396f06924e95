'use client';

import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { FormState } from '@/lib/forms/form-state';
import { deleteOrganizationAction } from '@/lib/workspace/org-actions';

/** Deleting needs the subdomain typed out; the server checks it again. */
export function DeleteOrgDialog({ slug, name }: { slug: string; name: string }) {
  const [typed, setTyped] = useState('');
  const [state, action] = useActionState<FormState, FormData>(deleteOrganizationAction, {});
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
        <form action={action} className="mt-4 space-y-3">
          <FormMessage message={state.message ?? state.fieldErrors?.confirmation} />
          <Label htmlFor="delete-confirmation">
            Type <strong>{slug}</strong> to confirm
          </Label>
          <Input id="delete-confirmation" name="confirmation" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
          <DialogFooter>
            <SubmitButton variant="danger" disabled={typed.trim() !== slug} pendingText="Deleting…">
              Delete forever
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
