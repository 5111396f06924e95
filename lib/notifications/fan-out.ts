import type { Tx } from '@/lib/db';
import type { NotifiableEvent } from '@/inngest/domain-events';

/**
 * Turns one domain event into in-app notifications and delivery rows, idempotently:
 * the unique keys (org, user, event id) and (event id, recipient, channel) make a repeated
 * event a no-op. The actor is never notified; recipients are deduplicated and must be
 * members. A preference row turned off stops that (event, channel kind); no row means on.
 * Runs as the service role (a job). Returns the deliveries still to be sent.
 */
export interface FanOutInput {
  eventId: string;
  eventName: string;
  data: NotifiableEvent;
}
export interface DeliveryMessage {
  eventName: string;
  title: string;
  body: string;
  path: string;
  orgSlug: string;
  occurredAt: string;
}

export async function fanOutEvent(tx: Tx, input: FanOutInput): Promise<{ notified: number; deliveryIds: string[] }> {
  const { data } = input;
  const wanted = [...new Set(data.recipientIds)].filter((id) => id !== data.actorId);
  if (wanted.length === 0) return { notified: 0, deliveryIds: [] };
  const [org] = await tx<{ slug: string }[]>`select slug from public.organizations where id = ${data.orgId}`;
  if (!org) return { notified: 0, deliveryIds: [] };
  const members = await tx<{ user_id: string }[]>`select user_id from private.notification_recipients(${data.orgId}, ${wanted}::uuid[])`;
  const ids = members.map((m) => m.user_id);
  if (ids.length === 0) return { notified: 0, deliveryIds: [] };
  const off = await tx<{ user_id: string; channel: string }[]>`
    select user_id, channel from public.notification_preferences
    where org_id = ${data.orgId} and event = ${input.eventName} and user_id = any(${ids}::uuid[]) and not enabled`;
  const isOff = (userId: string, channel: string) => off.some((o) => o.user_id === userId && o.channel === channel);

  const inApp = ids.filter((id) => !isOff(id, 'in_app'));
  if (inApp.length > 0) {
    await tx`
      insert into public.notifications (org_id, user_id, event_id, event_name, actor_id, title, body, path, occurred_at)
      select ${data.orgId}, u, ${input.eventId}, ${input.eventName}, ${data.actorId}, ${data.title}, ${data.body}, ${data.path}, ${data.occurredAt}
      from unnest(${inApp}::uuid[]) as u
      on conflict (org_id, user_id, event_id) do nothing`;
  }

  const channels = await tx<{ id: string; kind: string }[]>`
    select id, kind from public.notification_channels where org_id = ${data.orgId} and enabled order by created_at, id`;
  const pairs = ids.flatMap((userId) => channels.filter((c) => !isOff(userId, c.kind)).map((c) => ({ userId, channelId: c.id })));
  if (pairs.length > 0) {
    const message: DeliveryMessage = {
      eventName: input.eventName,
      title: data.title,
      body: data.body,
      path: data.path,
      orgSlug: org.slug,
      occurredAt: data.occurredAt,
    };
    await tx`
      insert into public.notification_deliveries (org_id, event_id, event_name, recipient_id, channel_id, message)
      select ${data.orgId}, ${input.eventId}, ${input.eventName}, p.recipient, p.channel, ${tx.json(message as never)}
      from unnest(${pairs.map((p) => p.userId)}::uuid[], ${pairs.map((p) => p.channelId)}::uuid[]) as p (recipient, channel)
      on conflict (event_id, recipient_id, channel_id) do nothing`;
  }
  // Pending ones, also those a crashed earlier run inserted but never queued.
  const pending = await tx<{ id: string }[]>`
    select id from public.notification_deliveries where event_id = ${input.eventId} and org_id = ${data.orgId} and status = 'pending' order by id`;
  return { notified: inApp.length, deliveryIds: pending.map((p) => p.id) };
}
