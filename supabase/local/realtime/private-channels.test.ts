import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adminSql } from '../../../tests/setup/admin-sql.ts';
import { createOrg, createUser, type TestOrg, type TestUser } from '../../../tests/setup/fixtures.ts';
import {
  accessTokenFor,
  allowMembersToSend,
  authedClient,
  closeRealtimeClients,
  Inbox,
  realtimeClient,
  subscribe,
  subscribed,
  VSNS,
  type Vsn,
} from '../../../tests/setup/realtime.ts';

const admin = adminSql();
let org: TestOrg;
let member: TestUser;
let outsider: TestUser;
let memberToken: string;
let outsiderToken: string;
let dropSendPolicy: () => Promise<void>;

beforeAll(async () => {
  member = await createUser(admin);
  outsider = await createUser(admin);
  org = await createOrg(admin, member);
  memberToken = await accessTokenFor(member);
  outsiderToken = await accessTokenFor(outsider);
  dropSendPolicy = await allowMembersToSend(admin, 'ws-chat');
});
afterEach(closeRealtimeClients);
afterAll(async () => {
  await dropSendPolicy();
  await admin.end();
});

const refusal = (topic: string) => `Unauthorized: You do not have permissions to read from this Channel topic: ${topic}`;

describe.each(VSNS)('private channels, vsn %s', (vsn: Vsn) => {
  it('a member joins the org topic; a non-member and anon get Realtime’s refusal', async () => {
    const topic = `org:${org.id}:members`;
    const joined = await subscribe((await authedClient({ vsn, token: () => memberToken })).channel(topic, { config: { private: true } }));
    expect(joined.status).toBe('SUBSCRIBED');

    const outsiderJoin = await subscribe((await authedClient({ vsn, token: () => outsiderToken })).channel(topic, { config: { private: true } }));
    expect(outsiderJoin).toMatchObject({ status: 'CHANNEL_ERROR' });
    expect(outsiderJoin.status !== 'SUBSCRIBED' && outsiderJoin.error?.message).toBe(refusal(topic));

    const anonJoin = await subscribe(realtimeClient({ vsn }).channel(topic, { config: { private: true } }));
    expect(anonJoin.status !== 'SUBSCRIBED' && anonJoin.error?.message).toBe(refusal(topic));
  });

  it('rows written by realtime.send reach private subscribers in commit order, not public ones', async () => {
    const topic = `org:${org.id}:tasks`;
    const privateInbox = new Inbox<Record<string, unknown>>();
    const publicInbox = new Inbox<Record<string, unknown>>();
    await subscribed(
      (await authedClient({ vsn, token: () => memberToken }))
        .channel(topic, { config: { private: true } })
        .on('broadcast', { event: 'task.moved' }, privateInbox.push),
    );
    await subscribed(realtimeClient({ vsn }).channel(topic).on('broadcast', { event: '*' }, publicInbox.push));

    for (let i = 0; i < 20; i += 1) {
      await admin`select realtime.send(${admin.json({ seq: i })}, 'task.moved', ${topic}, true)`;
    }
    await admin`select realtime.send(${admin.json({ seq: 'public' })}, 'task.moved', ${topic}, false)`;

    const messages = await privateInbox.atLeast(20);
    expect(messages.map((m) => (m.payload as { seq: number }).seq)).toEqual([...Array(20).keys()]);
    const first = messages[0] as { payload: { id: string }; meta: { id: string } };
    expect(first).toMatchObject({ type: 'broadcast', event: 'task.moved' });
    expect(first.meta.id).toBe(first.payload.id);
    expect((await publicInbox.atLeast(1))[0]?.payload).toMatchObject({ seq: 'public' });
    expect(publicInbox.items).toHaveLength(1);
  });

  it('rolled-back sends are never delivered; large rows arrive whole', async () => {
    const topic = `org:${org.id}:large`;
    const inbox = new Inbox<Record<string, unknown>>();
    await subscribed(
      (await authedClient({ vsn, token: () => memberToken })).channel(topic, { config: { private: true } }).on('broadcast', { event: '*' }, inbox.push),
    );
    await admin
      .begin(async (tx) => {
        await tx`select realtime.send(${tx.json({ seq: 'rolled back' })}, 'e', ${topic}, true)`;
        throw new Error('roll back');
      })
      .catch(() => {});
    const text = 'ü'.repeat(20_000);
    await admin`select realtime.send(${admin.json({ text })}, 'big', ${topic}, true)`;
    await admin`select realtime.send(${admin.json({ seq: 'after' })}, 'e', ${topic}, true)`;
    const [big, after] = await inbox.atLeast(2);
    expect((big?.payload as { text: string }).text).toBe(text);
    expect(after?.payload).toMatchObject({ seq: 'after' });
    expect(inbox.items).toHaveLength(2);
  });

  it('a member may not send on a topic without an insert policy: ack never comes, nobody receives', async () => {
    const topic = `org:${org.id}:chat`;
    const inbox = new Inbox<Record<string, unknown>>();
    await subscribed(
      (await authedClient({ vsn, token: () => memberToken })).channel(topic, { config: { private: true } }).on('broadcast', { event: '*' }, inbox.push),
    );
    const sender = await subscribed(
      (await authedClient({ vsn, token: () => memberToken })).channel(topic, { config: { private: true, broadcast: { ack: true } } }),
    );
    expect(await sender.send({ type: 'broadcast', event: 'hello', payload: {} }, { timeout: 1500 })).toBe('timed out');
    await admin`select realtime.send(${admin.json({ marker: true })}, 'marker', ${topic}, true)`;
    await inbox.atLeast(1);
    expect(inbox.items.map((m) => m.event)).toEqual(['marker']);
  });

  it('with an insert policy a member broadcasts to the other members (ack ok); presence needs its own policy', async () => {
    const topic = `org:${org.id}:ws-chat-${crypto.randomUUID()}`;
    const inbox = new Inbox<Record<string, unknown>>();
    await subscribed(
      (await authedClient({ vsn, token: () => memberToken })).channel(topic, { config: { private: true } }).on('broadcast', { event: '*' }, inbox.push),
    );
    const sender = await subscribed(
      (await authedClient({ vsn, token: () => memberToken })).channel(topic, { config: { private: true, broadcast: { ack: true } } }),
    );
    expect(await sender.send({ type: 'broadcast', event: 'hello', payload: { text: 'hi' } })).toBe('ok');
    expect((await inbox.atLeast(1))[0]).toEqual({ type: 'broadcast', event: 'hello', payload: { text: 'hi' } });
    expect(await sender.track({ online: true })).toBe('error');
  });
});
