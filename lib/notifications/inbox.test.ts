import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSql, withRls, withServiceRole } from '@/lib/db';
import { adminSql } from '@/tests/setup/admin-sql';
import { createOrgWithRoles } from '@/tests/setup/fixtures';
import { createChannel } from './channels';
import { listDeliveries, requestDeliveryRetry } from './delivery-log';
import { fanOutEvent } from './fan-out';
import { listNotifications, markNotificationsRead } from './inbox';
import { getPreferences, savePreferences } from './preferences';
import { listNotificationsSchema } from './schemas';

const admin = adminSql();
let w: Awaited<ReturnType<typeof createOrgWithRoles>>;
let other: Awaited<ReturnType<typeof createOrgWithRoles>>;
beforeAll(async () => {
  [w, other] = await Promise.all([createOrgWithRoles(admin), createOrgWithRoles(admin)]);
});
afterAll(async () => {
  await closeSql();
  await admin.end();
});

const notify = (orgId: string, recipientIds: string[], title = 'Something happened') =>
  withServiceRole('test', (tx) =>
    fanOutEvent(tx, {
      eventId: `evt-${crypto.randomUUID()}`,
      eventName: 'approvals/request.created',
      data: { orgId, actorId: null, recipientIds, title, body: 'Details', path: '/approvals', occurredAt: new Date().toISOString() },
    }),
  );

describe('notification centre, preferences and delivery log (through RLS)', () => {
  it('lists only the caller’s own notifications with the unread count; marks one, then all, read', async () => {
    await notify(w.org.id, [w.member.id, w.viewer.id], 'First');
    await notify(w.org.id, [w.member.id], 'Second');
    const page = await withRls(w.member.claims, (tx) => listNotifications(tx, { orgId: w.org.id }));
    expect(page.items.map((n) => n.title)).toEqual(['Second', 'First']);
    expect(page.unreadCount).toBe(2);
    // Parsed input (a boolean, a decoded cursor) parses again: routes hand services what they parsed.
    const paged = await withRls(w.member.claims, (tx) => listNotifications(tx, { orgId: w.org.id, limit: 1 }));
    const parsed = listNotificationsSchema.parse({ orgId: w.org.id, unread: 'false', cursor: paged.nextCursor, limit: '1' });
    expect((await withRls(w.member.claims, (tx) => listNotifications(tx, parsed))).items.map((n) => n.title)).toEqual(['First']);
    const viewerPage = await withRls(w.viewer.claims, (tx) => listNotifications(tx, { orgId: w.org.id }));
    expect(viewerPage.items.map((n) => n.title)).toEqual(['First']);
    // Someone else's id is ignored, like a missing one.
    const foreign = await withRls(w.member.claims, (tx) => markNotificationsRead(tx, { orgId: w.org.id, ids: [viewerPage.items[0]!.id] }));
    expect(foreign).toEqual({ updated: 0, unreadCount: 2 });
    const one = await withRls(w.member.claims, (tx) => markNotificationsRead(tx, { orgId: w.org.id, ids: [page.items[0]!.id] }));
    expect(one).toEqual({ updated: 1, unreadCount: 1 });
    expect(await withRls(w.member.claims, (tx) => markNotificationsRead(tx, { orgId: w.org.id, all: true }))).toEqual({ updated: 1, unreadCount: 0 });
    await expect(withRls(other.owner.claims, (tx) => listNotifications(tx, { orgId: w.org.id }))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('preferences default to on and saving one pair changes only that pair', async () => {
    const before = await withRls(w.member.claims, (tx) => getPreferences(tx, { orgId: w.org.id }));
    expect(before.length).toBe(6 * 4);
    expect(before.every((p) => p.enabled)).toBe(true);
    const after = await withRls(w.member.claims, (tx) =>
      savePreferences(tx, { orgId: w.org.id, preferences: [{ event: 'tasks/task.assigned', channel: 'email', enabled: false }] }));
    expect(after.filter((p) => !p.enabled)).toEqual([{ event: 'tasks/task.assigned', channel: 'email', enabled: false }]);
    await expect(withRls(w.member.claims, (tx) =>
      savePreferences(tx, { orgId: w.org.id, preferences: [{ event: 'tasks/nope.done', channel: 'email', enabled: false }] }))).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('the delivery log filters by status and "retry now" puts a failed delivery back; members and other tenants cannot', async () => {
    const channel = await withRls(w.admin.claims, (tx) => createChannel(tx, { orgId: w.org.id, kind: 'email', name: `Mail ${crypto.randomUUID().slice(0, 6)}` }));
    await notify(w.org.id, [w.member.id], 'Third');
    await admin`update public.notification_deliveries set status = 'failed', attempts = 6, last_error = 'HTTP 500' where channel_id = ${channel.id}`;
    const failed = await withRls(w.admin.claims, (tx) => listDeliveries(tx, { orgId: w.org.id, status: 'failed', channelId: channel.id }));
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0]).toMatchObject({ recipientEmail: w.member.email, channelName: channel.name, attempts: 6, lastError: 'HTTP 500' });
    expect(await withRls(w.admin.claims, (tx) => listDeliveries(tx, { orgId: w.org.id, status: 'sent', channelId: channel.id }))).toMatchObject({ items: [] });
    const id = failed.items[0]!.id;
    await expect(withRls(w.member.claims, (tx) => requestDeliveryRetry(tx, { orgId: w.org.id, id }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(withRls(other.admin.claims, (tx) => requestDeliveryRetry(tx, { orgId: other.org.id, id }))).rejects.toMatchObject({ code: 'not_found' });
    await withRls(w.admin.claims, (tx) => requestDeliveryRetry(tx, { orgId: w.org.id, id }));
    const [row] = await admin<{ status: string }[]>`select status from public.notification_deliveries where id = ${id}`;
    expect(row?.status).toBe('retrying');
  });
});
