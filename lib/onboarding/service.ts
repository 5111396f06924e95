import type { Tx } from '@/lib/db';
import { currentUserId, requireMembership } from '@/lib/permissions/queries';
import { parseInput } from '@/lib/validation/parse-input';
import { dismissChecklistSchema, type DismissChecklistInput } from './schemas';

/** The caller puts a checklist away in this organization, for themselves only. Idempotent. */
export async function dismissChecklist(tx: Tx, input: DismissChecklistInput): Promise<void> {
  const { orgId, checklist } = parseInput(dismissChecklistSchema, input);
  await requireMembership(tx, orgId);
  const userId = await currentUserId(tx);
  await tx`insert into public.checklist_dismissals (org_id, user_id, checklist)
           values (${orgId}, ${userId}, ${checklist})
           on conflict do nothing`;
}
