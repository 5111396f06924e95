'use client';

import { useActionState, useEffect } from 'react';
import { SubmitButton } from '@/components/forms/submit-button';
import { notify } from '@/components/ui/toast';
import type { FormState } from '@/lib/forms/form-state';
import { changeRoleAction } from '@/lib/workspace/member-actions';

const roleLabels: Record<string, string> = { admin: 'Admin', member: 'Member', viewer: 'Viewer', owner: 'Owner' };

/** Role picker for one member; offers only roles the viewer may grant. */
export function RoleForm({ userId, current, grantable, label }: { userId: string; current: string; grantable: string[]; label: string }) {
  const [state, action] = useActionState<FormState, FormData>(changeRoleAction, {});
  useEffect(() => {
    if (state.message) notify({ title: state.message, tone: state.ok ? 'success' : 'error' });
  }, [state]);
  const options = grantable.includes(current) ? grantable : [current, ...grantable];
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label className="sr-only" htmlFor={`role-${userId}`}>
        {label}
      </label>
      {/* Keyed by the saved role: after a change the refreshed list shows the new role, not a stale choice. */}
      <select
        key={current}
        id={`role-${userId}`}
        name="role"
        defaultValue={current}
        className="h-8 rounded-md border border-border bg-surface px-2 text-sm"
      >
        {options.map((role) => (
          <option key={role} value={role}>
            {roleLabels[role] ?? role}
          </option>
        ))}
      </select>
      <SubmitButton size="sm" variant="secondary">
        Save
      </SubmitButton>
    </form>
  );
}
