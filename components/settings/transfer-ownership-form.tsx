'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { Label } from '@/components/ui/label';
import type { FormState } from '@/lib/forms/form-state';
import { transferOwnershipAction } from '@/lib/workspace/org-actions';

/** Owner only: make another member the owner (you become an admin), with an explicit confirmation. */
export function TransferOwnershipForm({ candidates }: { candidates: { userId: string; email: string }[] }) {
  const [state, action] = useActionState<FormState, FormData>(transferOwnershipAction, {});
  if (candidates.length === 0) return <p className="text-sm text-muted">Invite someone first: there is no other member to transfer to.</p>;
  return (
    <form action={action} className="space-y-3" aria-label="Transfer ownership">
      <FormMessage message={state.message ?? state.fieldErrors?.confirm} ok={state.ok} />
      <div className="space-y-1.5">
        <Label htmlFor="new-owner">New owner</Label>
        <select id="new-owner" name="userId" className="h-10 w-full max-w-sm rounded-md border border-border bg-surface px-3 text-sm">
          {candidates.map((c) => (
            <option key={c.userId} value={c.userId}>
              {c.email}
            </option>
          ))}
        </select>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="confirm" value="yes" className="h-4 w-4" />
        I understand that I will become an admin and the new owner controls the organization.
      </label>
      <SubmitButton variant="danger" pendingText="Transferring…">Transfer ownership</SubmitButton>
    </form>
  );
}
