import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { toPage, type Page } from '@/lib/pagination/cursor';
import { requirePermission } from '@/lib/permissions/queries';
import { idSchema } from '@/lib/permissions/schemas';
import { parseInput } from '@/lib/validation/parse-input';
import { z } from 'zod';
import { listDeliveriesSchema, type Delivery } from './schemas';

/** The delivery log (notifications:manage), newest first, filtered by status, channel or event. */
interface Row {
  id: string;
  event_id: string;
  event_name: string;
  recipient_id: string;
  recipient_email: string | null;
  channel_id: string;
  channel_name: string;
  channel_kind: string;
  status: Delivery['status'];
  attempts: number;
  last_error: string | null;
  response_code: number | null;
  last_attempt_at: Date | null;
  sent_at: Date | null;
  created_at: Date;
  sort_at: string;
}

export async function listDeliveries(tx: Tx, input: z.input<typeof listDeliveriesSchema>): Promise<Page<Delivery>> {
  const { orgId, status, channelId, event, cursor, limit } = parseInput(listDeliveriesSchema, input);
  await requirePermission(tx, orgId, 'notifications:manage');
  const rows = await tx<Row[]>`
    select d.id, d.event_id, d.event_name, d.recipient_id, m.email as recipient_email, d.channel_id, c.name as channel_name,
           c.kind as channel_kind, d.status, d.attempts, d.last_error, d.response_code, d.last_attempt_at, d.sent_at, d.created_at,
           to_json(d.created_at) #>> '{}' as sort_at
    from public.notification_deliveries d
    join public.notification_channels c on c.id = d.channel_id
    left join private.member_directory m on m.org_id = d.org_id and m.user_id = d.recipient_id
    where d.org_id = ${orgId}
      ${status ? tx`and d.status = ${status}` : tx``}
      ${channelId ? tx`and d.channel_id = ${channelId}` : tx``}
      ${event ? tx`and d.event_name = ${event}` : tx``}
      ${cursor ? tx`and (d.created_at, d.id) < (${cursor.t}::text::timestamptz, ${cursor.k}::uuid)` : tx``}
    order by d.created_at desc, d.id desc
    limit ${limit + 1}`;
  return toPage(rows, limit, (r) => r.id, (r) => ({
    id: r.id,
    eventId: r.event_id,
    eventName: r.event_name,
    recipientId: r.recipient_id,
    recipientEmail: r.recipient_email,
    channelId: r.channel_id,
    channelName: r.channel_name,
    channelKind: r.channel_kind,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    responseCode: r.response_code,
    lastAttemptAt: r.last_attempt_at?.toISOString() ?? null,
    sentAt: r.sent_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  }));
}

export const retryDeliverySchema = z.object({ orgId: idSchema, id: idSchema });

/**
 * "Retry now": a delivery that has not been sent goes back to `retrying`; the caller queues
 * a new delivery job after commit. A sent delivery is a conflict (nothing to retry).
 */
export async function requestDeliveryRetry(tx: Tx, input: z.input<typeof retryDeliverySchema>): Promise<{ id: string; orgId: string }> {
  const { orgId, id } = parseInput(retryDeliverySchema, input);
  await requirePermission(tx, orgId, 'notifications:manage');
  const [row] = await tx<{ status: string }[]>`select status from public.notification_deliveries where org_id = ${orgId} and id = ${id}`;
  if (!row) throw new AppError('not_found', 'That delivery does not exist.');
  if (row.status === 'sent') throw new AppError('conflict', 'That delivery was already sent.');
  await tx`update public.notification_deliveries set status = 'retrying', updated_at = now() where org_id = ${orgId} and id = ${id}`;
  return { id, orgId };
}
