import { z } from 'zod';
import { AppError } from '@/lib/errors';

/**
 * Parses input with a zod schema; on failure throws AppError validation_failed
 * with the first issue as the message and the flattened issues as details.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  throw new AppError('validation_failed', `${where}${first?.message ?? 'Invalid input.'}`, z.flattenError(result.error));
}
