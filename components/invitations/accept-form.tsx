'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormState } from '@/lib/forms/form-state';
import { acceptInvitationAction } from '@/lib/workspace/accept-action';

export function AcceptInvitationForm({ token, orgName }: { token: string; orgName: string }) {
  const [state, action] = useActionState<FormState, FormData>(acceptInvitationAction, {});
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormMessage message={state.message} />
      <SubmitButton className="w-full" pendingText="Joining…">
        Join {orgName}
      </SubmitButton>
    </form>
  );
}
