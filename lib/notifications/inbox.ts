import type { Tx } from '@/lib/db';
import { requireMembership } from '@/lib/permissions/queries';
import { toPage, type Page } from '@/lib/pagination/cursor';
import { parseInput } from '@/lib/validation/parse-input';
import { currentUserId } from '@/lib/permissions/queries';
import { listNotificationsSchema, markReadSchema, type Notification } from './schemas';
import type { z } from 'zod';

/** The caller's own in-app notifications (RLS: user_id = auth.uid()), newest first. */
interface Row {
  id: string;
  event_name: string;
  title: string;
  body: string;
  path: string;
  actor_id: string | null;
  occurred_at: Date;
  read_at: Date | null;
  sort_at: string;
}

export async function listNotifications(tx: Tx, input: z.input<typeof listNotificationsSchema>): Promise<Page<Notification> & { unreadCount: number }> {
  const { orgId, unread, cursor, limit } = parseInput(listNotificationsSchema, input);
  await requireMembership(tx, orgId);
  const me = await currentUserId(tx);
  const rows = await tx<Row[]>`
    select id, event_name, title, body, path, actor_id, occurred_at, read_at, to_json(created_at) #>> '{}' as sort_at
    from public.notifications
    where org_id = ${orgId} and user_id = ${me}
      ${unread ? tx`and read_at is null` : tx``}
      ${cursor ? tx`and (created_at, id) < (${cursor.t}::text::timestamptz, ${cursor.k}::uuid)` : tx``}
    order by created_at desc, id desc
    limit ${limit + 1}`;
  const page = toPage(rows, limit, (r) => r.id, (r) => ({
    id: r.id,
    eventName: r.event_name,
    title: r.title,
    body: r.body,
    path: r.path,
    actorId: r.actor_id,
    occurredAt: r.occurred_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
  }));
  return { ...page, unreadCount: await unreadCount(tx, orgId, me) };
}

export async function unreadCount(tx: Tx, orgId: string, userId?: string): Promise<number> {
  const me = userId ?? (await currentUserId(tx));
  const [row] = await tx<{ n: number }[]>`
    select count(*)::int as n from public.notifications where org_id = ${orgId} and user_id = ${me} and read_at is null`;
  return row?.n ?? 0;
}

/** Marks some (by id) or all of the caller's notifications read; unknown ids are ignored. Returns the unread count after. */
export async function markNotificationsRead(tx: Tx, input: z.input<typeof markReadSchema>): Promise<{ updated: number; unreadCount: number }> {
  const parsed = parseInput(markReadSchema, input);
  await requireMembership(tx, parsed.orgId);
  const me = await currentUserId(tx);
  const result = 'all' in parsed
    ? await tx`update public.notifications set read_at = now() where org_id = ${parsed.orgId} and user_id = ${me} and read_at is null`
    : await tx`update public.notifications set read_at = now()
               where org_id = ${parsed.orgId} and user_id = ${me} and read_at is null and id = any(${parsed.ids}::uuid[])`;
  return { updated: result.count, unreadCount: await unreadCount(tx, parsed.orgId, me) };
}
