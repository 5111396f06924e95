import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminSql } from '../../../tests/setup/admin-sql.ts';
import { createOrg, createUser, type TestOrg, type TestUser } from '../../../tests/setup/fixtures.ts';
import { accessTokenFor, allowMembersToSend, authedClient, closeRealtimeClients, Inbox, realtimeClient, subscribed, VSNS, type Vsn } from '../../../tests/setup/realtime.ts';

const admin = adminSql();
let org: TestOrg;
let member: TestUser;
let outsider: TestUser;
let dropSendPolicy: () => Promise<void>;

beforeAll(async () => {
  member = await createUser(admin);
  outsider = await createUser(admin);
  org = await createOrg(admin, member);
  dropSendPolicy = await allowMembersToSend(admin, 'rest-');
});
afterEach(closeRealtimeClients);
afterAll(async () => {
  await dropSendPolicy();
  await admin.end();
});

const batchUrl = () => `${inject('supabaseUrl')}/realtime/v1/api/broadcast`;

describe.each(VSNS)('REST broadcast, vsn %s', (vsn: Vsn) => {
  it('httpSend to a public topic answers 202 and reaches subscribers, JSON and binary', async () => {
    const topic = `public-${crypto.randomUUID()}`;
    const inbox = new Inbox<Record<string, unknown>>();
    await subscribed(realtimeClient({ vsn }).channel(topic).on('broadcast', { event: '*' }, inbox.push));
    const sender = realtimeClient({ vsn }).channel(topic);
    expect(await sender.httpSend('note', { text: 'hello' })).toEqual({ success: true });
    expect((await inbox.atLeast(1))[0]).toEqual({ type: 'broadcast', event: 'note', payload: { text: 'hello' } });
    if (vsn === '2.0.0') {
      await sender.httpSend('bytes', new Uint8Array([1, 2, 255]));
      const [, bytes] = await inbox.atLeast(2);
      expect(new Uint8Array(bytes?.payload as ArrayBuffer)).toEqual(new Uint8Array([1, 2, 255]));
    }
  });

  it('httpSend to a private topic needs the insert policy: members 202, others rejected', async () => {
    const topic = `org:${org.id}:rest-${crypto.randomUUID()}`;
    const inbox = new Inbox<Record<string, unknown>>();
    const memberToken = await accessTokenFor(member);
    const memberClient = await authedClient({ vsn, token: () => memberToken });
    await subscribed(memberClient.channel(topic, { config: { private: true } }).on('broadcast', { event: '*' }, inbox.push));
    const fromMember = (await authedClient({ vsn, token: () => memberToken })).channel(topic, { config: { private: true } });
    expect(await fromMember.httpSend('ping', { from: 'member' })).toEqual({ success: true });
    expect((await inbox.atLeast(1))[0]?.payload).toEqual({ from: 'member' });

    const outsiderToken = await accessTokenFor(outsider);
    const fromOutsider = (await authedClient({ vsn, token: () => outsiderToken })).channel(topic, { config: { private: true } });
    await expect(fromOutsider.httpSend('ping', { from: 'outsider' })).rejects.toThrow('Unauthorized');
    const fromAnon = realtimeClient({ vsn }).channel(topic, { config: { private: true } });
    await expect(fromAnon.httpSend('ping', { from: 'anon' })).rejects.toThrow('Unauthorized');
  });

  it('send() before joining falls back to the batch endpoint', async () => {
    const topic = `public-${crypto.randomUUID()}`;
    const inbox = new Inbox<Record<string, unknown>>();
    await subscribed(realtimeClient({ vsn }).channel(topic).on('broadcast', { event: '*' }, inbox.push));
    const notJoined = realtimeClient({ vsn }).channel(topic);
    expect(await notJoined.send({ type: 'broadcast', event: 'fallback', payload: { via: 'rest' } })).toBe('ok');
    expect((await inbox.atLeast(1))[0]).toEqual({ type: 'broadcast', event: 'fallback', payload: { via: 'rest' } });
  });
});

describe('REST broadcast errors', () => {
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { apikey: inject('supabasePublishableKey'), 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('answers like Realtime: gateway 401s, 401 for a bad bearer, 415, 422 with Ecto-shaped errors', async () => {
    const noKey = await fetch(batchUrl(), { method: 'POST', body: '{}' });
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ message: 'No API key found in request' });
    expect((await post(batchUrl(), {}, { apikey: 'sb_publishable_wrong' })).status).toBe(401);
    const badBearer = await post(batchUrl(), { messages: [] }, { authorization: 'Bearer nonsense' });
    expect([badBearer.status, await badBearer.json()]).toEqual([401, { message: 'Unauthorized' }]);

    const empty = await post(batchUrl(), { messages: [] });
    expect([empty.status, await empty.json()]).toEqual([422, { errors: { messages: ["can't be blank"] } }]);
    const invalid = await post(batchUrl(), { messages: [{ topic: 't', event: 'e', payload: { ok: 1 } }, { topic: 't', payload: 'x' }] });
    expect(await invalid.json()).toEqual({ errors: { messages: [{}, { event: ["can't be blank"], payload: ['is invalid'] }] } });
    const big = await post(batchUrl(), { messages: [{ topic: 't', event: 'e', payload: { big: 'x'.repeat(300_000) } }] });
    expect(await big.json()).toEqual({ errors: { messages: [{ payload: ['Payload size exceeds tenant limit'] }] } });
    expect((await post(`${batchUrl()}/t/events/e`, 'text', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(batchUrl(), '{not json')).status).toBe(400);
  });
});
