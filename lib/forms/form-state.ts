import type { z } from 'zod';

/** What every form action returns to its form (auth pages, workspace settings, invitations). */
export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Echo of non-secret fields, so a failed submit loses nothing. */
  values?: Record<string, string>;
}

/** The first message for each top-level field of a failed parse (`form` for issues without a path). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * How a form shows a failed state: each error on the field that `fields` names, and
 * errors for fields the form does not show (an id, a hidden input) folded into the
 * form-level message, so nothing is lost and no raw `field: message` reaches anyone.
 */
export function formErrorsFor(
  state: FormState,
  fields: readonly string[],
): { message?: string; fieldErrors: Record<string, string> } {
  if (state.ok) return { fieldErrors: {} };
  const fieldErrors: Record<string, string> = {};
  const leftovers: string[] = [];
  for (const [key, text] of Object.entries(state.fieldErrors ?? {})) {
    if (fields.includes(key)) fieldErrors[key] = text;
    else if (!leftovers.includes(text)) leftovers.push(text);
  }
  const messages = [state.message, ...leftovers].filter((m): m is string => Boolean(m));
  return { message: messages.length > 0 ? [...new Set(messages)].join(' ') : undefined, fieldErrors };
}
