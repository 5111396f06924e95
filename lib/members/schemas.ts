import { z } from 'zod';
import { idSchema, roleSchema } from '@/lib/permissions/schemas';
import { cursorSchema, pageLimitSchema } from '@/lib/pagination/cursor';

export const listMembersSchema = z.object({
  orgId: idSchema,
  search: z.string().trim().max(100, 'Search at most 100 characters.').optional(),
  /** By join date: oldest first (`asc`, the default) or newest first. */
  order: z.enum(['asc', 'desc'], { error: 'Order is asc or desc.' }).default('asc'),
  cursor: cursorSchema.optional(),
  limit: pageLimitSchema,
});
export type ListMembersInput = z.input<typeof listMembersSchema>;

export const changeMemberRoleSchema = z.object({ orgId: idSchema, userId: idSchema, role: roleSchema });
export type ChangeMemberRoleInput = z.input<typeof changeMemberRoleSchema>;

export const removeMemberSchema = z.object({ orgId: idSchema, userId: idSchema });
export type RemoveMemberInput = z.input<typeof removeMemberSchema>;

export const leaveOrganizationSchema = z.object({ orgId: idSchema });
export type LeaveOrganizationInput = z.input<typeof leaveOrganizationSchema>;

export const transferOwnershipSchema = z.object({
  orgId: idSchema,
  userId: idSchema,
  confirm: z.literal(true, { error: 'Confirm the ownership transfer.' }),
});
export type TransferOwnershipInput = z.input<typeof transferOwnershipSchema>;
