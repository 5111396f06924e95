import { z } from 'zod';
import { cursorSchema, pageLimitSchema } from '@/lib/pagination/cursor';
import { idSchema, roleSchema } from '@/lib/permissions/schemas';

export const approvalStatuses = ['pending', 'approved', 'rejected', 'expired', 'cancelled'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];
export const approvalDecisions = ['approve', 'reject'] as const;
export const decisionSchema = z.enum(approvalDecisions, { error: 'Decision is approve or reject.' });
export type ApprovalDecision = z.infer<typeof decisionSchema>;

/** A registered type's name (lib/approvals/registry.ts); unknown names are refused by the service. */
export const approvalTypeSchema = z
  .string('Type must be text.')
  .regex(/^[a-z][a-z0-9_]{0,59}$/, 'Type is a lowercase name like custom or user_role_change.');

export const subjectSchema = z.string('Subject must be text.').trim().min(1, 'Give the request a subject.').max(200, 'Subject at most 200 characters.');
export const reasonSchema = z.string('Reason must be text.').trim().max(1000, 'Reason at most 1000 characters.').default('');

export const requestApprovalSchema = z.object({
  orgId: idSchema,
  type: approvalTypeSchema,
  subject: subjectSchema.optional(),
  /** Checked against the type's own zod schema by the service. */
  payload: z.record(z.string(), z.unknown(), 'Payload must be an object.').default({}),
});
export type RequestApprovalInput = z.input<typeof requestApprovalSchema>;

/** Request ids are checked where they are read: a malformed one answers like a missing one (404). */
const requestIdSchema = z.string('Request id must be text.').max(100, 'Approval request not found.');

export const decideApprovalSchema = z.object({ orgId: idSchema, requestId: requestIdSchema, decision: decisionSchema, reason: reasonSchema });
export type DecideApprovalInput = z.input<typeof decideApprovalSchema>;

export const cancelApprovalSchema = z.object({ orgId: idSchema, requestId: requestIdSchema, reason: reasonSchema });
export type CancelApprovalInput = z.input<typeof cancelApprovalSchema>;

export const commentOnApprovalSchema = z.object({
  orgId: idSchema,
  requestId: requestIdSchema,
  body: z.string('Comment must be text.').trim().min(1, 'Write a comment.').max(2000, 'Comment at most 2000 characters.'),
});
export type CommentOnApprovalInput = z.input<typeof commentOnApprovalSchema>;

export const approvalFilters = ['waiting', 'mine', 'all'] as const;
export const listApprovalsSchema = z.object({
  orgId: idSchema,
  /** waiting: pending requests that name me as approver and I have not decided; mine: I asked. */
  filter: z.enum(approvalFilters, { error: 'Filter is waiting, mine or all.' }).default('all'),
  status: z.enum(approvalStatuses, { error: 'Status is pending, approved, rejected, expired or cancelled.' }).optional(),
  cursor: cursorSchema.optional(),
  limit: pageLimitSchema,
});
export type ListApprovalsInput = z.input<typeof listApprovalsSchema>;

export const policySchema = z
  .object({
    orgId: idSchema,
    type: approvalTypeSchema,
    required: z.boolean('Required is true or false.'),
    approverRole: z.enum(['admin', 'owner'], { error: 'Approvers by role are admin (and above) or owner.' }).nullable().default(null),
    approverIds: z.array(idSchema, 'Approver ids must be a list of ids.').max(50, 'At most 50 named approvers.').default([]),
    quorum: z.coerce.number('Quorum must be a number.').int('Quorum must be a whole number.').min(1, 'Quorum is at least 1.').max(20, 'Quorum is at most 20.'),
    expiryHours: z.coerce.number('Expiry must be a number of hours.').int('Expiry must be whole hours.').min(1, 'Expiry is at least 1 hour.').max(720, 'Expiry is at most 720 hours (30 days).'),
  })
  .refine((p) => (p.approverRole === null) !== (p.approverIds.length === 0), {
    message: 'Choose approvers by role or by name, not both.',
    path: ['approverRole'],
  })
  .refine((p) => new Set(p.approverIds).size === p.approverIds.length, { message: 'Name each approver once.', path: ['approverIds'] });
export type PolicyInput = z.input<typeof policySchema>;

export interface ApprovalPolicy {
  type: string;
  required: boolean;
  approverRole: 'admin' | 'owner' | null;
  approverIds: string[];
  quorum: number;
  expiryHours: number;
  /** False when no row is stored and the type's default applies. */
  saved: boolean;
}

export { roleSchema };
