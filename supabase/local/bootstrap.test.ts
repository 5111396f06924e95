import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '../../tests/setup/admin-sql.ts';
import { closeSql, withRls } from '@/lib/db';

const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

describe('Supabase bootstrap', () => {
  it('creates the roles Supabase provides, with the right powers', async () => {
    const rows = await admin<{ rolname: string; rolcanlogin: boolean; rolbypassrls: boolean; rolsuper: boolean }[]>`
      select rolname, rolcanlogin, rolbypassrls, rolsuper from pg_roles
      where rolname in ('anon', 'authenticated', 'service_role', 'authenticator') order by rolname`;
    expect(rows).toEqual([
      { rolname: 'anon', rolcanlogin: false, rolbypassrls: false, rolsuper: false },
      { rolname: 'authenticated', rolcanlogin: false, rolbypassrls: false, rolsuper: false },
      { rolname: 'authenticator', rolcanlogin: true, rolbypassrls: false, rolsuper: false },
      { rolname: 'service_role', rolcanlogin: false, rolbypassrls: true, rolsuper: false },
    ]);
  });

  it('creates the schemas and auth tables', async () => {
    const schemas = await admin`select nspname from pg_namespace where nspname in ('auth', 'extensions', 'realtime') order by 1`;
    expect(schemas.map((r) => r.nspname)).toEqual(['auth', 'extensions', 'realtime']);
    const tables = await admin`select table_name from information_schema.tables where table_schema = 'auth' order by 1`;
    expect(tables.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['users', 'identities', 'sessions', 'refresh_tokens', 'one_time_tokens', 'flow_state']),
    );
  });

  it('auth.uid(), auth.role() and auth.jwt() read the request claims', async () => {
    const sub = crypto.randomUUID();
    const [row] = await withRls(
      { role: 'authenticated', sub, email: 'a@example.com', app_metadata: { org_id: 'x' } },
      (tx) => tx`select auth.uid() as uid, auth.role() as role, auth.jwt() ->> 'email' as email,
                        auth.jwt() -> 'app_metadata' ->> 'org_id' as org, current_user as usr`,
    );
    expect(row).toEqual({ uid: sub, role: 'authenticated', email: 'a@example.com', org: 'x', usr: 'authenticated' });
  });

  it('auth.uid() is null without claims', async () => {
    const [row] = await withRls({ role: 'anon' }, (tx) => tx`select auth.uid() as uid, auth.role() as role`);
    expect(row).toEqual({ uid: null, role: 'anon' });
  });

  it('anon and authenticated cannot read auth.users; service_role can', async () => {
    await admin`insert into auth.users (id, email, aud, role, created_at) values (${crypto.randomUUID()}, ${`u${Date.now()}@example.com`}, 'authenticated', 'authenticated', now())`;
    await expect(withRls({ role: 'anon' }, (tx) => tx`select * from auth.users`)).rejects.toThrow(/permission denied/);
    await expect(
      withRls({ role: 'authenticated', sub: crypto.randomUUID() }, (tx) => tx`select * from auth.users`),
    ).rejects.toThrow(/permission denied/);
    const [count] = await admin.begin(async (tx) => {
      await tx.unsafe('set local role service_role');
      return tx`select count(*)::int as n from auth.users`;
    });
    expect(count?.n).toBeGreaterThan(0);
  });

  it('new tables are not granted to anon or authenticated by default', async () => {
    const name = `t_${crypto.randomBytes(4).toString('hex')}`;
    await admin.unsafe(`create table public.${name} (id int)`);
    try {
      const [row] = await admin`select has_table_privilege('anon', ${'public.' + name}, 'select') as anon,
                                       has_table_privilege('authenticated', ${'public.' + name}, 'select') as authed`;
      expect(row).toEqual({ anon: false, authed: false });
    } finally {
      await admin.unsafe(`drop table public.${name}`);
    }
  });

  it('realtime.send stores a private broadcast and realtime.topic() reads the setting', async () => {
    const topic = `org:${crypto.randomUUID()}`;
    await admin`select realtime.send(${admin.json({ hello: 'world' })}, 'ping', ${topic}, true)`;
    const rows = await admin`select id, event, private, extension, payload from realtime.messages where topic = ${topic}`;
    // Like Supabase's realtime.send, the message id is added to the payload.
    expect(rows).toEqual([{ id: rows[0]?.id, event: 'ping', private: true, extension: 'broadcast', payload: { hello: 'world', id: rows[0]?.id } }]);
    const [t] = await admin.begin(async (tx) => {
      await tx`select set_config('realtime.topic', ${topic}, true)`;
      return tx`select realtime.topic() as topic`;
    });
    expect(t?.topic).toBe(topic);
  });

  it('is idempotent', async () => {
    const { applyBootstrap } = await import('./bootstrap.ts');
    const { LOCAL_PASSWORDS } = await import('./database.ts');
    const { inject } = await import('vitest');
    await expect(applyBootstrap(inject('databaseAdminUrl'), LOCAL_PASSWORDS)).resolves.toBeUndefined();
  });
});
