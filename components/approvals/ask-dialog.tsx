'use client';

import { FileSignature } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useState } from 'react';
import { Field, FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFocusFirstError } from '@/components/forms/use-focus-first-error';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Textarea } from '@/components/ui/textarea';
import { notify } from '@/components/ui/toast';
import { askSignOffAction } from '@/lib/approvals/actions';
import { formErrorsFor, type FormState } from '@/lib/forms/form-state';

const FIELDS = ['subject', 'details'] as const;

/** "Ask for sign-off": a subject and free-text details; the approvers get an email. */
export function AskSignOffDialog() {
  const [open, setOpen] = useState(false);
  const [opening, setOpening] = useState(0);
  return (
    <Dialog open={open} onOpenChange={(next) => { setOpen(next); if (next) setOpening((n) => n + 1); }}>
      <DialogTrigger asChild>
        <Button>
          <FileSignature aria-hidden className="h-4 w-4" />
          Ask for sign-off
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Ask for sign-off</DialogTitle>
        <DialogDescription>The approvers your organization chose get an email with approve and reject links.</DialogDescription>
        <AskForm key={opening} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function AskForm({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const [state, action] = useActionState<FormState, FormData>(askSignOffAction, {});
  useEffect(() => {
    if (!state.ok) return;
    onDone();
    notify({ title: state.message ?? 'Request sent', tone: 'success' });
    if (state.values?.id) router.push(`/approvals/${state.values.id}`);
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps
  const { message, fieldErrors } = formErrorsFor(state, FIELDS);
  const formRef = useFocusFirstError(state);
  return (
    <form ref={formRef} action={action} className="mt-5 space-y-4" noValidate>
      <FormMessage message={message} />
      <FormField name="subject" id="ask-subject" label="What needs signing off" maxLength={200} required
        placeholder="Publish the Q3 price list" defaultValue={state.values?.subject} error={fieldErrors.subject} />
      <Field id="ask-details" label="Details" error={fieldErrors.details} hint="Optional. Plain text, up to 5000 characters.">
        {(control) => (
          <Textarea {...control} name="details" rows={5} maxLength={5000} defaultValue={state.values?.details} />
        )}
      </Field>
      <DialogFooter>
        <Button type="button" variant="secondary" onClick={onDone}>Cancel</Button>
        <SubmitButton pendingText="Sending…">Send request</SubmitButton>
      </DialogFooter>
    </form>
  );
}
