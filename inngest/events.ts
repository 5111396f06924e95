import { eventType } from 'inngest';
import { z } from 'zod';
import { domainEvents } from './domain-events';
import { deliveryRequested } from './notification-events';

/**
 * Every event the app sends or handles: a zod schema per event, named `domain/noun.verb`.
 * The SDK validates `create(...)` before sending and the event again before a function runs
 * (a mismatch fails that run without retries).
 */

/** An invitation was issued or re-issued; its email goes out through a job. */
export const invitationCreatedSchema = z.object({
  orgId: z.uuid(),
  invitationId: z.uuid(),
  email: z.email(),
  role: z.enum(['admin', 'member', 'viewer']),
  organizationName: z.string().min(1),
  organizationSlug: z.string().min(1),
  inviterEmail: z.email(),
  /** The plaintext token of the accept link: only the email may carry it (it is stored hashed). */
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  expiresAt: z.iso.datetime(),
});
export const invitationCreated = eventType('members/invitation.created', { schema: invitationCreatedSchema });
export type InvitationCreated = z.infer<typeof invitationCreatedSchema>;

/** All app events (names are checked by inngest/events.test.ts). */
export const appEvents = [invitationCreated, ...domainEvents, deliveryRequested];
