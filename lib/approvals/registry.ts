import type { z } from 'zod';
import type { Tx } from '@/lib/db';
import type { Membership } from '@/lib/permissions/queries';
import type { Role } from '@/lib/permissions/schemas';
import type { ApprovalPolicy } from './schemas';
import type { DomainEvent } from './domain-events';

/** A request as the executor sees it: payload already parsed by the type's schema. */
export interface RequestForType<P> {
  id: string;
  orgId: string;
  subject: string;
  requestedBy: string | null;
  payload: P;
}

/** Who decided: their id and role in the org (read in the deciding transaction). */
export interface Decider {
  userId: string;
  role: Role;
}

/**
 * One kind of approval. The app registers each type once (lib/approvals/types/index.ts);
 * `project_deployment` and `template_publication` will be added the same way.
 */
export interface ApprovalType<P> {
  type: string;
  label: string;
  payloadSchema: z.ZodType<P>;
  /** The policy when the org has saved none. */
  defaultPolicy: Omit<ApprovalPolicy, 'type' | 'saved'>;
  /** At request time, in the requester's transaction: permission checks; returns the subject to use. */
  prepare(tx: Tx, requester: Membership, payload: P, subject: string | undefined): Promise<{ subject: string }>;
  /** Only approvers who could apply the change themselves (e.g. an owner for a new owner). */
  canApprove?(payload: P, approverRole: Role): boolean;
  /** Lines that summarise the payload on the request page. */
  summarize(payload: P): { label: string; value: string }[];
  /** Applies the approved action in the transaction of the deciding decision; returns events to publish after commit. */
  apply(tx: Tx, request: RequestForType<P>, decider: Decider): Promise<DomainEvent[]>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyApprovalType = ApprovalType<any>;
const registry = new Map<string, AnyApprovalType>();

export function registerApprovalType<P>(definition: ApprovalType<P>): void {
  if (registry.has(definition.type)) throw new Error(`approval type ${definition.type} is registered twice`);
  registry.set(definition.type, definition as AnyApprovalType);
}

export function findApprovalType(type: string): AnyApprovalType | undefined {
  return registry.get(type);
}

export function registeredApprovalTypes(): AnyApprovalType[] {
  return [...registry.values()];
}
