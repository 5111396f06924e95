import type { Tx } from '@/lib/db';
import { idSchema } from '@/lib/permissions/schemas';
import { parseInput } from '@/lib/validation/parse-input';
import type { ChecklistFacts } from './checklist';
import type { ChecklistKey } from './schemas';

/**
 * The facts behind the checklist, as the caller sees them through RLS
 * (invitations count only for members:invite holders, who are the ones shown
 * the invite item), and whether the caller has put `checklist` away.
 */
export async function getChecklistState(tx: Tx, orgId: string, checklist: ChecklistKey): Promise<{ facts: ChecklistFacts; dismissed: boolean }> {
  const id = parseInput(idSchema, orgId);
  const [row] = await tx<{ members: number; invitations: number; dismissed: boolean }[]>`
    select (select count(*)::int from public.memberships m where m.org_id = ${id}) as members,
           (select count(*)::int from public.invitations i where i.org_id = ${id}) as invitations,
           exists (select 1 from public.checklist_dismissals d
                   where d.org_id = ${id} and d.user_id = (select auth.uid()) and d.checklist = ${checklist}) as dismissed`;
  return {
    facts: { memberCount: row?.members ?? 0, invitationCount: row?.invitations ?? 0 },
    dismissed: row?.dismissed ?? false,
  };
}
