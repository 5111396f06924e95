import { z } from 'zod';
import { tenantApiRoute } from '@/lib/http/api-route';
import { inviteMember } from '@/lib/invitations/service';
import { inviteMemberSchema } from '@/lib/invitations/schemas';
import { queueInvitationEmail } from '@/lib/invitations/send-invitation';
import { pageLimitSchema } from '@/lib/pagination/cursor';
import { listMembers } from '@/lib/members/queries';
import { idSchema } from '@/lib/permissions/schemas';
import { cursorParam, optionalParam } from '../_lib/params';

const listQuerySchema = z.object({
  orgId: idSchema,
  search: optionalParam(z.string('Search must be text.').trim().max(100, 'Search at most 100 characters.')),
  cursor: optionalParam(cursorParam),
  limit: pageLimitSchema,
});

/** GET /api/admin/users?search=&cursor=&limit= → `{ data: Member[], nextCursor }` (members:read). */
export const GET = tenantApiRoute(listQuerySchema, async ({ tx, input }) => {
  const page = await listMembers(tx, input);
  return { body: { data: page.items, nextCursor: page.nextCursor } };
});

/**
 * POST /api/admin/users `{ email, role }` → 201 `{ data: Invitation }` (members:invite; rate limited: 429 + Retry-After).
 * The token only travels in the email, queued (a job sends it, with retries)
 * before the transaction commits: when it cannot be queued, no invitation is left behind (503).
 */
export const POST = tenantApiRoute(
  inviteMemberSchema,
  async ({ tx, input, context, tenant, user }) => {
    const issued = await inviteMember(tx, input);
    await queueInvitationEmail(issued, tenant, user.email);
    return { status: 201, body: { data: issued.invitation } };
  },
  { rateLimit: 'invitation' },
);
