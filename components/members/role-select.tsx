'use client';

import { useActionState, useEffect, useState, startTransition } from 'react';
import { Select } from '@/components/ui/select';
import { notify } from '@/components/ui/toast';
import { cn } from '@/lib/cn';
import type { FormState } from '@/lib/forms/form-state';
import type { Role } from '@/lib/permissions/schemas';
import { changeRoleAction } from '@/lib/workspace/member-actions';
import { roleOptions } from './roles';

/**
 * A member's role as a select that saves on change (toast on success or failure).
 * Offers only roles the viewer may grant. Follows `current` (the saved role) when
 * the list refreshes; a refused change goes back to it. Not keyed by the role: a
 * remount would drop the action's result before its toast.
 */
export function RoleSelect({ userId, current, grantable, label }: { userId: string; current: Role; grantable: Role[]; label: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changeRoleAction, {});
  const [value, setValue] = useState<string>(current);
  // The saved role, once the list has refreshed (here or, live, from another browser).
  useEffect(() => setValue(current), [current]);
  useEffect(() => {
    if (!state.message) return;
    notify({ title: state.message, tone: state.ok ? 'success' : 'error' });
    // Refused, or held for approval: the saved role stays until it changes.
    if (!state.ok || state.values?.held) setValue(current);
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps
  const options = roleOptions(grantable.includes(current) ? grantable : [current, ...grantable]);
  return (
    <div aria-busy={pending || undefined}>
      <Select
        aria-label={label}
        size="sm"
        className={cn('w-[6.5rem] sm:w-32', pending && 'opacity-60')}
        contentClassName="w-64"
        value={value}
        options={options}
        onValueChange={(role) => {
          if (role === value || pending) return;
          setValue(role);
          const data = new FormData();
          data.set('userId', userId);
          data.set('role', role);
          startTransition(() => action(data));
        }}
      />
    </div>
  );
}
