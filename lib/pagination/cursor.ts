import { z } from 'zod';

/**
 * Keyset pagination shared by members, invitations and the audit log. A cursor
 * is opaque to clients: base64url JSON of the last row's sort timestamp (kept as
 * Postgres text, so microseconds survive) and its id as tie-breaker.
 */
export const MAX_PAGE_SIZE = 100;
export const pageLimitSchema = z.coerce
  .number('Limit must be a number.')
  .int('Limit must be a whole number.')
  .min(1, 'Limit must be at least 1.')
  .max(MAX_PAGE_SIZE, `Limit must be at most ${MAX_PAGE_SIZE}.`)
  .default(50);

/**
 * Year 0001–9999 and, for date-times, a UTC offset within ±15:59: zod's ISO checks
 * accept more than Postgres stores, and Postgres would answer those with an error.
 */
export function isStorableInstant(text: string): boolean {
  const year = Number(text.slice(0, 4));
  if (!Number.isInteger(year) || year < 1) return false;
  if (!text.includes('T')) return true;
  const offset = /[+-](\d{2}):?\d{2}$/.exec(text);
  return !offset || Number(offset[1]) <= 15;
}

const cursorPayloadSchema = z.object({
  t: z.iso.datetime({ offset: true }).refine(isStorableInstant),
  k: z.guid(),
});
export type PageCursor = z.infer<typeof cursorPayloadSchema>;

export const cursorSchema = z
  .string()
  .max(300, 'The cursor is not valid.')
  .transform((value, ctx): PageCursor => {
    try {
      const decoded: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
      const parsed = cursorPayloadSchema.safeParse(decoded);
      if (parsed.success) return parsed.data;
    } catch {
      // fall through
    }
    ctx.addIssue({ code: 'custom', message: 'The cursor is not valid.' });
    return z.NEVER;
  });

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Rows fetched with limit + 1: the page and, when more rows exist, the cursor after its last item. */
export function toPage<R extends { sort_at: string }, T>(
  rows: R[],
  limit: number,
  key: (row: R) => string,
  map: (row: R) => T,
): Page<T> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ t: last.sort_at, k: key(last) }) : null;
  return { items: pageRows.map(map), nextCursor };
}
