import crypto from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { addMember, createOrg, createUser } from '@/tests/setup/fixtures';
import { closeSql, sql, withRls, withServiceRole, type RlsClaims } from '@/lib/db';

const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

describe('withRls', () => {
  it('a member reads their own organization and not another one', async () => {
    const alice = await createUser(admin);
    const bob = await createUser(admin);
    const orgA = await createOrg(admin, alice);
    const orgB = await createOrg(admin, bob);
    const seen = await withRls(alice.claims, (tx) => tx`select id from organizations where id in (${orgA.id}, ${orgB.id})`);
    expect(seen.map((r) => r.id)).toEqual([orgA.id]);
    // Positive control: both rows exist.
    const all = await admin`select count(*)::int as n from organizations where id in (${orgA.id}, ${orgB.id})`;
    expect(all[0]?.n).toBe(2);
  });

  it('refuses writes into another organization', async () => {
    const alice = await createUser(admin);
    const bob = await createUser(admin);
    await createOrg(admin, alice);
    const orgB = await createOrg(admin, bob);
    const denied = await withRls(alice.claims, (tx) => tx`update organizations set name = 'hijacked' where id = ${orgB.id} returning id`);
    expect(denied).toHaveLength(0);
    await expect(
      withRls(alice.claims, (tx) => tx`insert into audit_log (org_id, actor_id, action) values (${orgB.id}, ${alice.id}, 'test.forged')`),
    ).rejects.toThrow(/permission denied/);
  });

  it('rolls back the whole transaction when fn throws', async () => {
    const owner = await createUser(admin);
    const org = await createOrg(admin, owner, { name: 'Before' });
    await expect(
      withRls(owner.claims, async (tx) => {
        await tx`update organizations set name = 'After' where id = ${org.id}`;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const [row] = await admin`select name from organizations where id = ${org.id}`;
    expect(row?.name).toBe('Before');
  });

  it('anon sees nothing in tenant tables', async () => {
    await expect(withRls({ role: 'anon' }, (tx) => tx`select * from organizations`)).rejects.toThrow(/permission denied/);
  });

  it.each(['postgres', 'service_role', 'authenticator', 'authenticated; drop table organizations', ''])(
    'rejects the forged role name %j before any SQL runs',
    async (role) => {
      await expect(withRls({ role } as unknown as RlsClaims, async () => 'ran')).rejects.toThrow(/only the roles/);
    },
  );

  it('rejects authenticated claims without a subject', async () => {
    await expect(withRls({ role: 'authenticated' }, async () => 'ran')).rejects.toThrow(/only the roles/);
  });

  it('resets the role after the transaction, so the pool connection sees nothing again', async () => {
    const user = await createUser(admin);
    await withRls(user.claims, (tx) => tx`select 1`);
    const [row] = await sql()`select current_user as u, current_setting('request.jwt.claims', true) as c`;
    expect(row?.u).toBe('authenticator');
    expect(row?.c ?? '').toBe('');
  });

  it('a member added later sees the organization in the next transaction', async () => {
    const owner = await createUser(admin);
    const later = await createUser(admin);
    const org = await createOrg(admin, owner);
    expect(await withRls(later.claims, (tx) => tx`select id from organizations where id = ${org.id}`)).toHaveLength(0);
    await addMember(admin, org.id, later, 'viewer');
    expect(await withRls(later.claims, (tx) => tx`select id from organizations where id = ${org.id}`)).toHaveLength(1);
  });
});

describe('outside withRls', () => {
  it('the app login role reads nothing from tenant tables', async () => {
    await expect(sql()`select * from organizations`).rejects.toThrow(/permission denied/);
    await expect(sql()`select * from memberships`).rejects.toThrow(/permission denied/);
  });

  it('the app login role cannot bypass RLS nor switch to a superuser', async () => {
    const [row] = await sql()`select rolbypassrls, rolsuper from pg_roles where rolname = current_user`;
    expect(row).toEqual({ rolbypassrls: false, rolsuper: false });
    const direct = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
    try {
      await expect(direct.begin((tx) => tx.unsafe('set local role postgres'))).rejects.toThrow(/permission denied/);
    } finally {
      await direct.end();
    }
  });
});

describe('withServiceRole', () => {
  it('sees every organization and requires a reason', async () => {
    const owner = await createUser(admin);
    const org = await createOrg(admin, owner, { name: `Svc ${crypto.randomUUID().slice(0, 6)}` });
    const rows = await withServiceRole('test: cross-tenant read', (tx) => tx`select name from organizations where id = ${org.id}`);
    expect(rows.map((r) => r.name)).toEqual([org.name]);
    await expect(withServiceRole('  ', async () => 1)).rejects.toThrow(/reason/);
  });
});
