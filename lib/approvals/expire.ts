import type { Tx } from '@/lib/db';
import { guardDb } from '@/lib/db/errors';
import { requestExpiredEvent, type DomainEvent } from './domain-events';
import { summaryOf, type RequestRow } from './request-row';

/**
 * Closes a request as expired when it is still pending and its time has passed. For service
 * paths (the expiry job, under withServiceRole with a reason): returns the event for the
 * requester, or null when there was nothing to do (decided, cancelled, or not due yet).
 */
export async function expireApproval(tx: Tx, requestId: string, reason = 'Nobody decided before the request expired.'): Promise<{ request: RequestRow; events: DomainEvent[] } | null> {
  const [row] = await guardDb(tx<RequestRow[]>`
    update public.approval_requests set status = 'expired', close_reason = ${reason}
    where id = ${requestId} and status = 'pending' and expires_at <= now()
    returning id, org_id, type, subject, payload, requested_by, approvers, quorum, expires_at, status, closed_at, close_reason, created_at`);
  if (!row) return null;
  return { request: row, events: [requestExpiredEvent(summaryOf(row))] };
}

/** When a request expires and whether it is still pending (service paths). */
export async function expiryOf(tx: Tx, requestId: string): Promise<{ expiresAt: Date; pending: boolean } | null> {
  const [row] = await tx<{ expires_at: Date; status: string }[]>`
    select expires_at, status from public.approval_requests where id = ${requestId}`;
  return row ? { expiresAt: row.expires_at, pending: row.status === 'pending' } : null;
}

/**
 * Closes every request whose time has passed while still pending (service path): the safety net
 * for a request whose expiry run never started (the bus was down when it was made). At most
 * `limit` per call, oldest first.
 */
export async function expireOverdueApprovals(tx: Tx, limit = 200): Promise<DomainEvent[]> {
  const due = await tx<{ id: string }[]>`
    select id from public.approval_requests where status = 'pending' and expires_at <= now()
    order by expires_at limit ${limit} for update skip locked`;
  const events: DomainEvent[] = [];
  for (const { id } of due) {
    const expired = await expireApproval(tx, id);
    if (expired) events.push(...expired.events);
  }
  return events;
}
