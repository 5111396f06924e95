import type { Tx } from './client.ts';

/**
 * The caller's membership that withRls read in its first statement, kept per
 * transaction for the first lookup of that organization (lib/permissions).
 * Consumed once: a later lookup in the same transaction, which may follow a
 * change of that membership, queries again.
 */
const pending = new WeakMap<Tx, { orgId: string; membership: Promise<unknown> }>();

export function rememberMembership(tx: Tx, orgId: string, membership: Promise<unknown>): void {
  membership.catch(() => undefined); // the transaction reports the failure
  pending.set(tx, { orgId, membership });
}

/** The preloaded membership (JSON from private.caller_membership, or null), or undefined when there is none. */
export function takePreloadedMembership(tx: Tx, orgId: string): Promise<unknown> | undefined {
  const entry = pending.get(tx);
  if (!entry || entry.orgId !== orgId) return undefined;
  pending.delete(tx);
  return entry.membership;
}
