'use client';

import { Check, X } from 'lucide-react';
import { useActionState, useEffect, useState } from 'react';
import { Field } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/textarea';
import { notify } from '@/components/ui/toast';
import type { FormState } from '@/lib/forms/form-state';

type DecideAction = (state: FormState, data: FormData) => Promise<FormState>;

/**
 * Approve / Reject with an optional reason. Used on the request page (signed in) and on an
 * emailed link's confirmation page (`hidden` carries the token there).
 */
export function DecideForm({ action: serverAction, hidden, preselected }: { action: DecideAction; hidden: Record<string, string>; preselected?: 'approve' | 'reject' }) {
  const [state, action, pending] = useActionState<FormState, FormData>(serverAction, {});
  const [choice, setChoice] = useState<'approve' | 'reject' | null>(null);
  useEffect(() => {
    if (state.message) notify({ title: state.message, tone: state.ok ? 'success' : 'error' });
  }, [state]);
  if (state.ok) return <FormMessage ok message={state.message} />;
  return (
    <form action={action} className="space-y-3" aria-label="Decide">
      {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <FormMessage message={state.message} />
      <Field id="decide-reason" label="Reason" hint="Optional; the requester sees it. Up to 1000 characters.">
        {(control) => <Textarea {...control} name="reason" rows={3} maxLength={1000} defaultValue={state.values?.reason} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="decision" value="approve" loading={pending && choice === 'approve'} disabled={pending}
          variant={preselected === 'reject' ? 'secondary' : 'primary'} onClick={() => setChoice('approve')}>
          <Check aria-hidden className="h-4 w-4" />Approve
        </Button>
        <Button type="submit" name="decision" value="reject" loading={pending && choice === 'reject'} disabled={pending}
          variant={preselected === 'reject' ? 'danger' : 'secondary'} onClick={() => setChoice('reject')}>
          <X aria-hidden className="h-4 w-4" />Reject
        </Button>
      </div>
    </form>
  );
}
