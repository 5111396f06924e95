import { z } from 'zod';
import { cursorSchema, isStorableInstant } from '@/lib/pagination/cursor';

/**
 * Query parameters shared by the list routes. zod's ISO checks accept year 0000
 * and offsets up to ±23:59, which Postgres refuses with an error (a 500): these
 * schemas keep such values out, so bad input is always a 422.
 */

const isIsoDate = (text: string) => z.iso.date().safeParse(text).success;
const isIsoDateTime = (text: string) => z.iso.datetime({ offset: true }).safeParse(text).success;

/** An opaque page cursor from a previous response; passed on as-is once it is known to be usable. */
export const cursorParam = z
  .string()
  .max(300, 'The cursor is not valid.')
  .refine((value) => {
    return cursorSchema.safeParse(value).success;
  }, 'The cursor is not valid.');

/**
 * A date (YYYY-MM-DD, UTC) or a date-time with offset. A bare date bounds the
 * whole day: its start for `start`, its last millisecond for `end`.
 */
export function instantParam(label: string, edge: 'start' | 'end') {
  const message = `${label} must be a date (YYYY-MM-DD) or a date-time with a UTC offset.`;
  return z
    .string(message)
    .max(40, message)
    .refine((text) => (isIsoDate(text) || isIsoDateTime(text)) && isStorableInstant(text), message)
    .transform((text) => {
      if (text.includes('T')) return new Date(text);
      return new Date(`${text}${edge === 'start' ? 'T00:00:00.000Z' : 'T23:59:59.999Z'}`);
    });
}

export { optionalParam } from '@/lib/validation/optional-param';
