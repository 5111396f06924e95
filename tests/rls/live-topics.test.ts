import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeSql, withRls } from '@/lib/db';
import { changeMemberRole, removeMember } from '@/lib/members/service';
import { adminSql } from '@/tests/setup/admin-sql';
import { createOrgWithRoles, testContext } from '@/tests/setup/fixtures';
import {
  accessTokenFor,
  authedClient,
  closeRealtimeClients,
  Inbox,
  subscribe,
  subscribed,
} from '@/tests/setup/realtime';

/**
 * The live members page and audit log (migration 20261202300000_live_members_audit.sql):
 * membership changes and new audit entries are broadcast from database triggers on the
 * private topics org:<id>:members and org:<id>:audit, received through the real
 * supabase-js client; realtime.messages' select policy decides who may join.
 */
const admin = adminSql();
let w: Awaited<ReturnType<typeof createOrgWithRoles>>;
const tokens: Record<string, string> = {};
type Message = { event: string; payload: Record<string, unknown> };

beforeAll(async () => {
  w = await createOrgWithRoles(admin);
  for (const who of ['owner', 'admin', 'member', 'viewer', 'outsider'] as const) tokens[who] = await accessTokenFor(w[who]);
});
afterEach(closeRealtimeClients);
afterAll(async () => {
  await closeSql();
  await admin.end();
});

const refusal = (topic: string) => `Unauthorized: You do not have permissions to read from this Channel topic: ${topic}`;

async function join(who: keyof typeof tokens, topic: string, inbox?: Inbox<Message>) {
  const client = await authedClient({ vsn: '2.0.0', token: () => tokens[who] ?? null });
  const channel = client.channel(topic, { config: { private: true } });
  if (inbox) channel.on('broadcast', { event: '*' }, inbox.push);
  return { channel, client };
}

describe('live topics', () => {
  it('a role change made through RLS is broadcast on org:<id>:members with ids, role and op only', async () => {
    const inbox = new Inbox<Message>();
    await subscribed((await join('viewer', `org:${w.org.id}:members`, inbox)).channel);

    await withRls(w.admin.claims, (tx) => changeMemberRole(tx, { orgId: w.org.id, userId: w.member.id, role: 'viewer' }), {
      context: testContext(),
    });
    const message = await inbox.find((m) => m.event === 'membership.update');
    expect(message.payload).toMatchObject({ op: 'update', org_id: w.org.id, user_id: w.member.id, role: 'viewer' });
    expect(Object.keys(message.payload).sort()).toEqual(['id', 'op', 'org_id', 'role', 'user_id']);
    expect(JSON.stringify(message.payload)).not.toContain('@');

    // Restore, so the other tests see the fixture's roles.
    await withRls(w.owner.claims, (tx) => changeMemberRole(tx, { orgId: w.org.id, userId: w.member.id, role: 'member' }));
  });

  it('a removal is broadcast as a delete with no role', async () => {
    const extra = await createOrgWithRoles(admin);
    const token = await accessTokenFor(extra.owner);
    const inbox = new Inbox<Message>();
    const client = await authedClient({ vsn: '1.0.0', token: () => token });
    await subscribed(client.channel(`org:${extra.org.id}:members`, { config: { private: true } }).on('broadcast', { event: '*' }, inbox.push));

    await withRls(extra.owner.claims, (tx) => removeMember(tx, { orgId: extra.org.id, userId: extra.viewer.id }));
    const message = await inbox.find((m) => m.event === 'membership.delete');
    expect(message.payload).toMatchObject({ op: 'delete', user_id: extra.viewer.id, role: null });
  });

  it('a new audit entry reaches an admin on org:<id>:audit as its id and action', async () => {
    const inbox = new Inbox<Message>();
    await subscribed((await join('admin', `org:${w.org.id}:audit`, inbox)).channel);

    await withRls(w.owner.claims, (tx) => changeMemberRole(tx, { orgId: w.org.id, userId: w.viewer.id, role: 'member' }));
    const message = await inbox.find((m) => m.event === 'audit.created');
    const [entry] = await admin<{ id: string }[]>`
      select id from public.audit_log where org_id = ${w.org.id} and action = 'member.role_changed' and target_id = ${w.viewer.id}`;
    expect(message.payload).toMatchObject({ entry_id: entry?.id, action: 'member.role_changed' });
    expect(Object.keys(message.payload).sort()).toEqual(['action', 'entry_id', 'id']);

    await withRls(w.owner.claims, (tx) => changeMemberRole(tx, { orgId: w.org.id, userId: w.viewer.id, role: 'viewer' }));
  });

  it('the audit topic needs audit:read: a viewer and a plain member are refused it but join the members topic', async () => {
    for (const who of ['viewer', 'member'] as const) {
      const audit = `org:${w.org.id}:audit`;
      const refused = await subscribe((await join(who, audit)).channel);
      expect(refused.status).toBe('CHANNEL_ERROR');
      expect(refused.status !== 'SUBSCRIBED' && refused.error?.message).toBe(refusal(audit));
      const nested = `org:${w.org.id}:audit:export`;
      const refusedNested = await subscribe((await join(who, nested)).channel);
      expect(refusedNested.status !== 'SUBSCRIBED' && refusedNested.error?.message).toBe(refusal(nested));
      expect((await subscribe((await join(who, `org:${w.org.id}:members`)).channel)).status).toBe('SUBSCRIBED');
      expect((await subscribe((await join(who, `org:${w.org.id}`)).channel)).status).toBe('SUBSCRIBED');
    }
    expect((await subscribe((await join('owner', `org:${w.org.id}:audit`)).channel)).status).toBe('SUBSCRIBED');
  });

  it('a member of another organization is refused both topics, and so is a signed-in non-member', async () => {
    const other = await createOrgWithRoles(admin);
    tokens.otherOwner = await accessTokenFor(other.owner);
    for (const topic of [`org:${w.org.id}:members`, `org:${w.org.id}:audit`]) {
      const result = await subscribe((await join('otherOwner', topic)).channel);
      expect(result.status !== 'SUBSCRIBED' && result.error?.message).toBe(refusal(topic));
    }
    const outsider = await subscribe((await join('outsider', `org:${w.org.id}:members`)).channel);
    expect(outsider.status).toBe('CHANNEL_ERROR');
  });

  it('a notification reaches its recipient on org:<id>:user:<uid>:notifications; nobody else may join that topic', async () => {
    const topic = `org:${w.org.id}:user:${w.member.id}:notifications`;
    const inbox = new Inbox<Message>();
    await subscribed((await join('member', topic, inbox)).channel);
    const [note] = await admin<{ id: string }[]>`
      insert into public.notifications (org_id, user_id, event_id, event_name, title, path, occurred_at)
      values (${w.org.id}, ${w.member.id}, ${`live-${w.member.id}`}, 'tasks/task.assigned', 'You were assigned', '/tasks', now()) returning id`;
    const message = await inbox.find((m) => m.event === 'notification.insert');
    expect(message.payload).toMatchObject({ notification_id: note?.id, op: 'insert' });
    expect(Object.keys(message.payload).sort()).toEqual(['id', 'notification_id', 'op']);

    // Not the owner or an admin of the same org, not another org's owner, not with a suffix trick.
    for (const who of ['owner', 'admin', 'viewer'] as const) {
      const refused = await subscribe((await join(who, topic)).channel);
      expect(refused.status !== 'SUBSCRIBED' && refused.error?.message).toBe(refusal(topic));
    }
    const other = await createOrgWithRoles(admin);
    tokens.otherOwner ??= await accessTokenFor(other.owner);
    expect((await subscribe((await join('otherOwner', topic)).channel)).status).toBe('CHANNEL_ERROR');
    for (const trick of [`org:${w.org.id}:user:${w.member.id}`, `org:${w.org.id}:user:${w.member.id}x:notifications`]) {
      const refused = await subscribe((await join('viewer', trick)).channel);
      expect(refused.status, trick).toBe('CHANNEL_ERROR');
    }
    // The viewer's own topic works for the viewer.
    expect((await subscribe((await join('viewer', `org:${w.org.id}:user:${w.viewer.id}:notifications`)).channel)).status).toBe('SUBSCRIBED');
  });
});
