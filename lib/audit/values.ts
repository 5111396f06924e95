import type { AuditData, AuditValue } from './schemas';

/** One field an entry changed, worded for people: values formatted, never raw ids. */
export interface AuditChange {
  field: string;
  from: string | null;
  to: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const dayFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

export const isUuid = (value: unknown): boolean => typeof value === 'string' && UUID.test(value);

/** Deep equality for JSON values (key order does not matter). */
export function sameValue(a: AuditValue | undefined, b: AuditValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  const ao = a as Record<string, AuditValue>;
  const bo = b as Record<string, AuditValue>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  return [...keys].every((k) => sameValue(ao[k], bo[k]));
}

/** A stored value as a person reads it: dates as "Dec 9, 2026", ids as null (not shown). */
export function formatAuditValue(value: AuditValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (isUuid(value)) return null;
    if (ISO_INSTANT.test(value)) {
      const at = new Date(value);
      if (!Number.isNaN(at.getTime())) return dayFormat.format(at);
    }
    return value;
  }
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** `expires_at` → "expires at". */
export const fieldLabel = (key: string) => key.replace(/[_.]+/g, ' ').trim();

/**
 * What changed between before and after: keys whose values differ, in a stable
 * order; unchanged keys (`slug: acme → acme`) and id-valued fields are left out.
 */
export function changedFields(before: AuditData | null, after: AuditData | null, skip: readonly string[] = []): AuditChange[] {
  const b = before ?? {};
  const a = after ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !skip.includes(k));
  return keys
    .filter((k) => !sameValue(b[k], a[k]))
    .filter((k) => !isUuid(b[k]) && !isUuid(a[k]))
    .map((k) => ({ field: fieldLabel(k), from: formatAuditValue(b[k]), to: formatAuditValue(a[k]) }));
}
