import { eventType } from 'inngest';
import { z } from 'zod';

/**
 * Domain events that notify people. Services publish them after their transaction commits
 * (lib/events/publish.ts); the notifications module fans each one out to its recipients'
 * in-app notification centre and to the org's channels (email, Slack, webhook) by their
 * preferences. Every event carries what a notification shows, so the fan-out never reads
 * the domain's tables, and an `id` (the idempotency key) so a repeated send is one event.
 */
export const notifiableFields = {
  orgId: z.uuid(),
  /** Who did it (null for the system, e.g. an expiry). The actor is never notified of their own act. */
  actorId: z.uuid().nullable(),
  /** Members to notify (deduplicated by the fan-out). */
  recipientIds: z.array(z.uuid()).max(1000),
  /** One line: "Ada assigned you “Ship the intake form”". */
  title: z.string().min(1).max(200),
  /** Optional detail (a comment's text, a decision's reason), plain text. */
  body: z.string().max(2000),
  /** Where the notification leads, a path on the tenant host ("/tasks?task=…"). */
  path: z.string().regex(/^\/(?!\/)/, 'must be a path on the tenant host').max(500),
  occurredAt: z.iso.datetime(),
};
export const notifiableEventSchema = z.object(notifiableFields);
export type NotifiableEvent = z.infer<typeof notifiableEventSchema>;

export const taskAssigned = eventType('tasks/task.assigned', {
  schema: z.object({ ...notifiableFields, taskId: z.uuid(), assigneeId: z.uuid() }),
});
export const taskCommentCreated = eventType('tasks/comment.created', {
  schema: z.object({ ...notifiableFields, taskId: z.uuid(), commentId: z.uuid() }),
});
export const approvalRequestCreated = eventType('approvals/request.created', {
  schema: z.object({ ...notifiableFields, requestId: z.uuid(), type: z.string().min(1).max(60) }),
});
export const approvalRequestDecided = eventType('approvals/request.decided', {
  schema: z.object({
    ...notifiableFields,
    requestId: z.uuid(),
    type: z.string().min(1).max(60),
    /** The request's state after the decision (pending while the quorum is not reached). */
    status: z.enum(['pending', 'approved', 'rejected']),
    decision: z.enum(['approve', 'reject']),
  }),
});
export const approvalRequestExpired = eventType('approvals/request.expired', {
  schema: z.object({ ...notifiableFields, requestId: z.uuid(), type: z.string().min(1).max(60) }),
});
export const memberRoleChanged = eventType('members/role.changed', {
  schema: z.object({ ...notifiableFields, userId: z.uuid(), role: z.enum(['owner', 'admin', 'member', 'viewer']) }),
});

/** Every notifiable event, in the order the preferences screen lists them. */
export const domainEvents = [
  taskAssigned,
  taskCommentCreated,
  approvalRequestCreated,
  approvalRequestDecided,
  approvalRequestExpired,
  memberRoleChanged,
] as const;
export type DomainEventName = (typeof domainEvents)[number]['name'];
