import type { Tx } from '@/lib/db';
import type { AuditPerson } from './describe';
import type { AuditEntry } from './queries';
import { isUuid } from './values';

/** The user ids entries name: actors, and targets of type user. */
export function userIdsOf(entries: readonly AuditEntry[]): string[] {
  const ids = new Set<string>();
  for (const e of entries) {
    if (e.actorId) ids.add(e.actorId);
    if (e.targetType === 'user' && e.targetId && isUuid(e.targetId)) ids.add(e.targetId);
  }
  return [...ids];
}

/**
 * Email and name of the users `entries` name, current members or not, through
 * private.audit_people (audit:read holders; only users the org's log names).
 */
export async function resolveAuditPeople(tx: Tx, orgId: string, entries: readonly AuditEntry[]): Promise<Map<string, AuditPerson>> {
  const ids = userIdsOf(entries);
  if (ids.length === 0) return new Map();
  const rows = await tx<{ user_id: string; email: string | null; name: string }[]>`
    select user_id, email, name from private.audit_people(${orgId}::uuid, ${ids}::uuid[])`;
  return new Map(rows.map((r) => [r.user_id, { id: r.user_id, name: r.name || null, email: r.email }]));
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

/** Who acted: null for the system; a user id nobody can resolve stays a "former member". */
export function actorOf(entry: AuditEntry, people: Map<string, AuditPerson>): AuditPerson | null {
  if (!entry.actorId) return null;
  return people.get(entry.actorId) ?? { id: entry.actorId, name: null, email: null };
}

/** The user an entry is about; the email stored in the entry stands in for a deleted account. */
export function targetOf(entry: AuditEntry, people: Map<string, AuditPerson>): AuditPerson | null {
  if (entry.targetType !== 'user' || !entry.targetId) return null;
  const stored = text(entry.after?.email) ?? text(entry.before?.email);
  const known = people.get(entry.targetId);
  if (known) return { ...known, email: known.email ?? stored };
  return { id: entry.targetId, name: null, email: stored };
}
