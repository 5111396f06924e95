import { withServiceRole, type Tx } from '@/lib/db';
import { toPage, type Page } from '@/lib/pagination/cursor';
import { parseInput } from '@/lib/validation/parse-input';
import { requirePermission } from '@/lib/permissions/queries';
import type { Role } from '@/lib/permissions/schemas';
import { hashSecretToken } from '@/lib/crypto/secret-token';
import { invitationTokenSchema, listInvitationsSchema, type ListInvitationsInput } from './schemas';

export type InvitationStatus = 'pending' | 'expired' | 'accepted' | 'revoked';

export interface Invitation {
  id: string;
  orgId: string;
  email: string;
  role: Exclude<Role, 'owner'>;
  invitedBy: string | null;
  sentAt: Date;
  expiresAt: Date;
  createdAt: Date;
  status: InvitationStatus;
}

export interface InvitationRow {
  id: string;
  org_id: string;
  email: string;
  role: Exclude<Role, 'owner'>;
  invited_by: string | null;
  sent_at: Date;
  expires_at: Date;
  created_at: Date;
  accepted_at: Date | null;
  accepted_by: string | null;
  revoked_at: Date | null;
}

export function invitationStatus(row: InvitationRow, now = new Date()): InvitationStatus {
  if (row.accepted_at) return 'accepted';
  if (row.revoked_at) return 'revoked';
  return row.expires_at <= now ? 'expired' : 'pending';
}

export function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    role: row.role,
    invitedBy: row.invited_by,
    sentAt: row.sent_at,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    status: invitationStatus(row),
  };
}

/** Invitations neither accepted nor revoked, newest first; expired ones too (status says so) so they can be resent. */
export async function listPendingInvitations(tx: Tx, input: ListInvitationsInput): Promise<Page<Invitation>> {
  const { orgId, cursor, limit } = parseInput(listInvitationsSchema, input);
  await requirePermission(tx, orgId, 'members:invite');
  const rows = await tx<(InvitationRow & { sort_at: string })[]>`
    select id, org_id, email, role, invited_by, sent_at, expires_at, created_at, accepted_at, accepted_by, revoked_at,
           to_json(created_at) #>> '{}' as sort_at
    from public.invitations
    where org_id = ${orgId} and accepted_at is null and revoked_at is null
      ${cursor ? tx`and (created_at, id) < (${cursor.t}::text::timestamptz, ${cursor.k}::uuid)` : tx``}
    order by created_at desc, id desc
    limit ${limit + 1}`;
  return toPage(rows, limit, (r) => r.id, toInvitation);
}

export interface InvitationPreview {
  organization: { name: string; slug: string };
  email: string;
  role: Exclude<Role, 'owner'>;
  status: InvitationStatus;
}

/**
 * What an invitation link offers, for the accept page (the holder of the token
 * is the invitee, not yet a member). Service path; null for unknown tokens.
 */
export async function previewInvitation(token: string): Promise<InvitationPreview | null> {
  const parsed = invitationTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const rows = await withServiceRole(
    'invitations: preview for the invitee before they are a member',
    (tx) => tx<(InvitationRow & { org_name: string; org_slug: string })[]>`
      select i.*, o.name as org_name, o.slug as org_slug
      from public.invitations i join public.organizations o on o.id = i.org_id
      where i.token_hash = ${hashSecretToken(parsed.data)}`,
  );
  const row = rows[0];
  if (!row) return null;
  return {
    organization: { name: row.org_name, slug: row.org_slug },
    email: row.email,
    role: row.role,
    status: invitationStatus(row),
  };
}
