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
