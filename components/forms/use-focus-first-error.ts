'use client';

import { useEffect, useRef } from 'react';
import type { FormState } from '@/lib/forms/form-state';

/** After a submit comes back with field errors, moves focus to the first invalid control of the form. */
export function useFocusFirstError(state: FormState) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state.fieldErrors || Object.keys(state.fieldErrors).length === 0) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  return ref;
}
