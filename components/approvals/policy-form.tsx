'use client';

import { useActionState, useEffect, useState } from 'react';
import { Field, FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { Select } from '@/components/ui/select';
import { notify } from '@/components/ui/toast';
import { savePolicyAction } from '@/lib/approvals/actions';
import type { ApprovalPolicy } from '@/lib/approvals/schemas';
import { formErrorsFor, type FormState } from '@/lib/forms/form-state';

const FIELDS = ['required', 'approverRole', 'approverIds', 'quorum', 'expiryHours'] as const;

/** One approval type's policy: required, approvers by role or by name, quorum, expiry. */
export function PolicyForm({ policy, label, hint, deciders }: {
  policy: ApprovalPolicy; label: string; hint: string; deciders: { id: string; label: string }[];
}) {
  const [state, action] = useActionState<FormState, FormData>(savePolicyAction, {});
  const [kind, setKind] = useState(policy.approverIds.length > 0 ? 'named' : 'role');
  useEffect(() => {
    if (state.message) notify({ title: state.message, tone: state.ok ? 'success' : 'error' });
  }, [state]);
  const { message, fieldErrors } = formErrorsFor(state, FIELDS);
  const id = (name: string) => `${policy.type}-${name}`;
  return (
    <form action={action} className="space-y-4 rounded-lg border border-border bg-surface p-4" aria-label={`${label} policy`}>
      <input type="hidden" name="type" value={policy.type} />
      <div>
        <h2 className="font-semibold">{label}</h2>
        <p className="text-sm text-muted">{hint}</p>
      </div>
      {state.ok ? null : <FormMessage message={message} />}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="required" defaultChecked={policy.required} className="h-4 w-4" />
        Needs approval
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id('kind')} label="Approvers">
          {(control) => (
            <Select {...control} name="approverKind" value={kind} onValueChange={setKind}
              options={[{ value: 'role', label: 'By role' }, { value: 'named', label: 'Named people' }]} />
          )}
        </Field>
        {kind === 'role' ? (
          <Field id={id('role')} label="Role and above" error={fieldErrors.approverRole}>
            {(control) => (
              <Select {...control} name="approverRole" defaultValue={policy.approverRole ?? 'admin'}
                options={[{ value: 'admin', label: 'Admins and owners' }, { value: 'owner', label: 'Owners' }]} />
            )}
          </Field>
        ) : (
          <fieldset className="text-sm">
            <legend className="mb-1.5 font-medium">People</legend>
            {deciders.map((d) => (
              <label key={d.id} className="flex items-center gap-2">
                <input type="checkbox" name="approverIds" value={d.id} defaultChecked={policy.approverIds.includes(d.id)} className="h-4 w-4" />
                {d.label}
              </label>
            ))}
            {fieldErrors.approverIds ? <p className="text-danger">{fieldErrors.approverIds}</p> : null}
          </fieldset>
        )}
        <FormField name="quorum" id={id('quorum')} label="Approvals needed" type="number" min={1} max={20}
          defaultValue={String(policy.quorum)} error={fieldErrors.quorum} />
        <FormField name="expiryHours" id={id('expiry')} label="Expires after (hours)" type="number" min={1} max={720}
          defaultValue={String(policy.expiryHours)} error={fieldErrors.expiryHours} />
      </div>
      <div className="flex justify-end"><SubmitButton pendingText="Saving…">Save policy</SubmitButton></div>
    </form>
  );
}
