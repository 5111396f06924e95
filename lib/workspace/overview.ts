import type { Tx } from '@/lib/db';
import { listAuditFeed, type AuditFeedItem } from '@/lib/audit/queries';
import { listPendingInvitations, type Invitation } from '@/lib/invitations/queries';
import { listMembers, type Member } from '@/lib/members/queries';
import { buildChecklist, getStartedItems, type Checklist } from '@/lib/onboarding/checklist';
import { getChecklistState } from '@/lib/onboarding/queries';
import type { Permission } from '@/lib/permissions/schemas';

export interface WorkspaceOverview {
  /** null without members:read. */
  members: { count: number; sample: Member[] } | null;
  /** Invitations not yet accepted or revoked (expired ones too, as on the members page); null without members:invite. */
  invitations: { count: number; sample: Invitation[] } | null;
  /** The latest audit entries in words; null without audit:read. */
  activity: AuditFeedItem[] | null;
  /** null when there is nothing for this member to do, or they dismissed it. */
  checklist: Checklist | null;
}

export const ACTIVITY_LIMIT = 8;
const AVATARS = 5;

/** Everything the workspace home shows, read in the caller's transaction, each part only for those allowed to see it. */
export async function getWorkspaceOverview(tx: Tx, orgId: string, can: (permission: Permission) => boolean): Promise<WorkspaceOverview> {
  const state = await getChecklistState(tx, orgId, 'get_started');
  const members = can('members:read')
    ? { count: state.facts.memberCount, sample: (await listMembers(tx, { orgId, limit: AVATARS })).items }
    : null;
  let invitations: WorkspaceOverview['invitations'] = null;
  if (can('members:invite')) {
    const [row] = await tx<{ n: number }[]>`
      select count(*)::int as n from public.invitations
      where org_id = ${orgId} and accepted_at is null and revoked_at is null`;
    invitations = { count: row?.n ?? 0, sample: (await listPendingInvitations(tx, { orgId, limit: 3 })).items };
  }
  const activity = can('audit:read') ? (await listAuditFeed(tx, { orgId, limit: ACTIVITY_LIMIT })).items : null;
  const checklist = state.dismissed ? null : buildChecklist(getStartedItems, can, state.facts);
  return { members, invitations, activity, checklist };
}
