'use client';

import { X } from 'lucide-react';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/forms/form-state';
import { dismissChecklistAction } from '@/lib/onboarding/actions';
import type { ChecklistKey } from '@/lib/onboarding/schemas';

/** Puts a checklist away for this member in this organization (remembered on the server). */
export function DismissChecklist({ checklist }: { checklist: ChecklistKey }) {
  const [state, action, pending] = useActionState<FormState, FormData>(dismissChecklistAction, {});
  return (
    <form action={action} className="flex shrink-0 flex-col items-end gap-2">
      <input type="hidden" name="checklist" value={checklist} />
      <button
        type="submit"
        disabled={pending}
        className="inline-flex h-8 items-center gap-1 rounded-md px-2 text-sm text-muted hover:bg-accent hover:text-foreground disabled:opacity-50"
      >
        <X aria-hidden className="h-4 w-4" />
        Dismiss
      </button>
      {state.ok ? null : <FormMessage message={state.message} />}
    </form>
  );
}
