import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminSql } from '../../../tests/setup/admin-sql.ts';
import { createOrg, createUser, type TestOrg, type TestUser } from '../../../tests/setup/fixtures.ts';
import { accessTokenFor, authedClient, closeRealtimeClients, Inbox, subscribed, VSNS, type Vsn } from '../../../tests/setup/realtime.ts';
import { startTestAuthServer, type TestAuthServer } from '../auth/test-support.ts';

const admin = adminSql();
let org: TestOrg;
let member: TestUser;
const servers: TestAuthServer[] = [];

async function startServer(overrides: { port?: number; keysFile?: string } = {}): Promise<TestAuthServer> {
  const server = await startTestAuthServer({ ...overrides, realtime: { databaseUrl: inject('databaseRealtimeUrl') } });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  member = await createUser(admin);
  org = await createOrg(admin, member);
});
afterEach(async () => {
  await closeRealtimeClients();
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});
afterAll(() => admin.end());

describe.each(VSNS)('restarts, vsn %s', (vsn: Vsn) => {
  it('after a server restart the client reconnects, rejoins and receives again', async () => {
    const first = await startServer();
    const token = await accessTokenFor(member, { keysFile: first.keysFile, supabaseUrl: first.url });
    const client = await authedClient({ vsn, url: first.url, key: first.publishableKey, token: () => token });
    const topic = `org:${org.id}:restart-${crypto.randomUUID()}`;
    const statuses = new Inbox<string>();
    const inbox = new Inbox<Record<string, unknown>>();
    client
      .channel(topic, { config: { private: true } })
      .on('broadcast', { event: '*' }, inbox.push)
      .subscribe((status) => statuses.push(status));
    await statuses.find((s) => s === 'SUBSCRIBED');

    await first.stop();
    await statuses.find((s) => s === 'CHANNEL_ERROR');
    await startServer({ port: Number(new URL(first.url).port), keysFile: first.keysFile });
    await statuses.atLeast(3, 15_000);
    expect(statuses.items).toEqual(['SUBSCRIBED', 'CHANNEL_ERROR', 'SUBSCRIBED']);

    await admin`select realtime.send(${admin.json({ after: 'restart' })}, 'back', ${topic}, true)`;
    expect((await inbox.atLeast(1))[0]?.payload).toMatchObject({ after: 'restart' });
  });

  it('when the database connection it listens on is cut, messages committed meanwhile still arrive once, in order', async () => {
    const server = await startServer();
    const token = await accessTokenFor(member, { keysFile: server.keysFile, supabaseUrl: server.url });
    const client = await authedClient({ vsn, url: server.url, key: server.publishableKey, token: () => token });
    const topic = `org:${org.id}:listener-${crypto.randomUUID()}`;
    const inbox = new Inbox<Record<string, unknown>>();
    await subscribed(client.channel(topic, { config: { private: true } }).on('broadcast', { event: '*' }, inbox.push));
    await admin`select realtime.send(${admin.json({ seq: 0 })}, 'seq', ${topic}, true)`;
    await inbox.atLeast(1);

    const [cut] = await admin<{ n: number }[]>`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
                where application_name = 'supabase_realtime_listener'`;
    expect(cut?.n).toBeGreaterThan(0);
    for (let seq = 1; seq <= 5; seq += 1) await admin`select realtime.send(${admin.json({ seq })}, 'seq', ${topic}, true)`;
    const received = await inbox.atLeast(6, 15_000);
    expect(received.map((m) => (m.payload as { seq: number }).seq)).toEqual([0, 1, 2, 3, 4, 5]);
    await admin`select realtime.send(${admin.json({ seq: 6 })}, 'seq', ${topic}, true)`;
    await inbox.atLeast(7);
    expect(inbox.items.map((m) => (m.payload as { seq: number }).seq)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
