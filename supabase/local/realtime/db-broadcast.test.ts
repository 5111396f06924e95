import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adminSql } from '../../../tests/setup/admin-sql.ts';
import { createOrg, createUser, type TestOrg, type TestUser } from '../../../tests/setup/fixtures.ts';
import { accessTokenFor, authedClient, closeRealtimeClients, Inbox, subscribed, VSNS, type Vsn } from '../../../tests/setup/realtime.ts';
import { deleteOldMessages } from './cleanup.ts';

const admin = adminSql();
// Its own schema: nothing the RLS suites inspect (they cover public and private) while it exists.
const schema = `rt_test_${crypto.randomBytes(4).toString('hex')}`;
const table = 'items';
let org: TestOrg;
let member: TestUser;
let token: string;

beforeAll(async () => {
  member = await createUser(admin);
  org = await createOrg(admin, member);
  token = await accessTokenFor(member);
  // A table whose trigger broadcasts each change on the org's topic, as Supabase documents it.
  await admin.unsafe(`
    create schema ${schema};
    create table ${schema}.${table} (id serial primary key, org_id uuid not null, title text not null);
    create function ${schema}.broadcast() returns trigger language plpgsql security definer set search_path = '' as $$
    begin
      perform realtime.broadcast_changes('org:' || coalesce(new.org_id, old.org_id)::text || ':items',
        tg_op, tg_op, tg_table_name, tg_table_schema, new, old);
      return null;
    end $$;
    create trigger broadcast after insert or update or delete on ${schema}.${table}
      for each row execute function ${schema}.broadcast();`);
});
afterEach(closeRealtimeClients);
afterAll(async () => {
  await admin.unsafe(`drop schema if exists ${schema} cascade`);
  await admin.end();
});

describe.each(VSNS)('broadcast from the database, vsn %s', (vsn: Vsn) => {
  it('realtime.broadcast_changes from a trigger reaches members as INSERT/UPDATE/DELETE events', async () => {
    const inbox = new Inbox<{ event: string; payload: Record<string, unknown> }>();
    const client = await authedClient({ vsn, token: () => token });
    await subscribed(client.channel(`org:${org.id}:items`, { config: { private: true } }).on('broadcast', { event: '*' }, inbox.push));

    const [row] = await admin<{ id: number }[]>`insert into ${admin(`${schema}.${table}`)} (org_id, title) values (${org.id}, 'draft') returning id`;
    await admin`update ${admin(`${schema}.${table}`)} set title = 'final' where id = ${row!.id}`;
    await admin`delete from ${admin(`${schema}.${table}`)} where id = ${row!.id}`;

    const [inserted, updated, deleted] = await inbox.atLeast(3);
    expect(inserted?.event).toBe('INSERT');
    expect(inserted?.payload).toMatchObject({ operation: 'INSERT', table, record: { title: 'draft' }, old_record: null });
    expect(inserted?.payload.schema).toBe(schema);
    expect(updated?.payload).toMatchObject({ operation: 'UPDATE', record: { title: 'final' }, old_record: { title: 'draft' } });
    expect(deleted?.payload).toMatchObject({ operation: 'DELETE', record: null, old_record: { title: 'final' } });
  });

  it('a row over the payload limit is not delivered; the next one is', async () => {
    const topic = `org:${org.id}:limits-${crypto.randomUUID()}`;
    const inbox = new Inbox<{ event: string }>();
    const client = await authedClient({ vsn, token: () => token });
    await subscribed(client.channel(topic, { config: { private: true } }).on('broadcast', { event: '*' }, inbox.push));
    await admin`select realtime.send(${admin.json({ big: 'x'.repeat(300_000) })}, 'too-big', ${topic}, true)`;
    await admin`select realtime.send(${admin.json({ ok: true })}, 'fits', ${topic}, true)`;
    await inbox.atLeast(1);
    expect(inbox.items.map((m) => m.event)).toEqual(['fits']);
  });
});

describe('message retention', () => {
  it('deletes messages older than the retention and keeps newer ones', async () => {
    const topic = `retention-${crypto.randomUUID()}`;
    await admin`insert into realtime.messages (topic, extension, event, payload, inserted_at)
                values (${topic}, 'broadcast', 'old', '{}', now() - interval '73 hours'),
                       (${topic}, 'broadcast', 'new', '{}', now() - interval '71 hours')`;
    expect(await deleteOldMessages(admin, 72)).toBeGreaterThanOrEqual(1);
    const left = await admin<{ event: string }[]>`select event from realtime.messages where topic = ${topic}`;
    expect(left.map((r) => r.event)).toEqual(['new']);
  });
});
