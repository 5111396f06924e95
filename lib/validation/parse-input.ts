import { z } from 'zod';
import { AppError } from '@/lib/errors';

/** What a validation_failed error carries: zod's flattened issues plus the first failing field. */
export interface ValidationDetails {
  formErrors: string[];
  fieldErrors: Record<string, string[] | undefined>;
  /** The top-level field of the first issue, when it has one. */
  field?: string;
}

/**
 * Parses input with a zod schema; on failure throws AppError validation_failed
 * with the first issue as the message and structured details (ValidationDetails),
 * from which forms take their field errors.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  const field = first && first.path.length > 0 ? String(first.path[0]) : undefined;
  const details: ValidationDetails = { ...z.flattenError(result.error), ...(field ? { field } : {}) };
  throw new AppError('validation_failed', `${where}${first?.message ?? 'Invalid input.'}`, details);
}

/**
 * Field errors for a form from an AppError's details: every field of a failed
 * parse with its first message, or the one field a service named
 * (`{ field: 'slug' }`) with the error's message. Undefined when it names none.
 */
export function fieldErrorsFromDetails(details: unknown, message: string): Record<string, string> | undefined {
  if (!details || typeof details !== 'object') return undefined;
  const { fieldErrors, field } = details as Partial<ValidationDetails>;
  const out: Record<string, string> = {};
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    if (messages?.[0]) out[key] = messages[0];
  }
  if (typeof field === 'string' && !out[field]) out[field] = message;
  return Object.keys(out).length > 0 ? out : undefined;
}
