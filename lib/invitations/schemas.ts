import { z } from 'zod';
import { idSchema } from '@/lib/permissions/schemas';
import { cursorSchema, pageLimitSchema } from '@/lib/pagination/cursor';

/** An email address, trimmed and lower-cased (addresses are matched case-insensitively). */
export const emailSchema = z
  .string({ error: 'The email address is required.' })
  .trim()
  .toLowerCase()
  .max(254, 'The email address is too long.')
  .pipe(z.email('Enter a valid email address.'));

/** Invitations grant admin, member or viewer; ownership is transferred, never invited. */
export const invitationRoleSchema = z.enum(['admin', 'member', 'viewer'], {
  error: 'Invite as admin, member or viewer.',
});

/** The token from an invitation link: 32 random bytes, base64url. */
export const invitationTokenSchema = z
  .string({ error: 'The invitation link is not valid.' })
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'The invitation link is not valid.');

export const inviteMemberSchema = z.object({ orgId: idSchema, email: emailSchema, role: invitationRoleSchema });
export type InviteMemberInput = z.input<typeof inviteMemberSchema>;

export const invitationRefSchema = z.object({ orgId: idSchema, invitationId: idSchema });
export type InvitationRef = z.input<typeof invitationRefSchema>;

export const listInvitationsSchema = z.object({
  orgId: idSchema,
  cursor: cursorSchema.optional(),
  limit: pageLimitSchema,
});
export type ListInvitationsInput = z.input<typeof listInvitationsSchema>;

export const acceptInvitationSchema = z.object({
  token: invitationTokenSchema,
  userId: idSchema,
  email: emailSchema,
  /** The organization of the host the invitee accepts on: the invitation must be its own. */
  orgId: idSchema,
});
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;
