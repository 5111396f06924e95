'use client';

import { useActionState, useEffect, useRef } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { Textarea } from '@/components/ui/textarea';
import { commentOnApprovalAction } from '@/lib/approvals/actions';
import type { FormState } from '@/lib/forms/form-state';

/** Adds a comment to a request's history. */
export function CommentForm({ requestId }: { requestId: string }) {
  const [state, action] = useActionState<FormState, FormData>(commentOnApprovalAction, {});
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) ref.current?.reset();
  }, [state]);
  return (
    <form ref={ref} action={action} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <FormMessage message={state.ok ? undefined : state.message} />
      <label htmlFor="approval-comment" className="sr-only">Comment</label>
      <Textarea id="approval-comment" name="body" rows={2} maxLength={2000} placeholder="Add a comment…" required />
      <div className="flex justify-end"><SubmitButton size="sm" variant="secondary" pendingText="Adding…">Comment</SubmitButton></div>
    </form>
  );
}
