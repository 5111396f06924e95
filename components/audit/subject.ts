import type { AuditPerson } from '@/lib/audit/describe';
import type { AuditFeedItem } from '@/lib/audit/queries';

/** Whose face goes with the sentence: the person it starts with ("Mia joined"), else the actor. */
export function subjectOf(item: Pick<AuditFeedItem, 'sentence' | 'actor'>): AuditPerson | null {
  const first = item.sentence.parts[0];
  return first?.kind === 'person' ? first.person : item.actor;
}
