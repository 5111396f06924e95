import crypto from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { closeSql, sql, withRls, withServiceRole, type RlsClaims } from '@/lib/db';

const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

function member(orgId: string): RlsClaims {
  return { role: 'authenticated', sub: crypto.randomUUID(), app_metadata: { org_id: orgId } };
}

describe('withRls', () => {
  it('lets a member read and write only their own org', async () => {
    const orgA = crypto.randomUUID();
    const orgB = crypto.randomUUID();
    const alice = member(orgA);
    const bob = member(orgB);
    await withRls(alice, (tx) => tx`insert into demo_notes (org_id, body) values (${orgA}, 'alice note')`);
    await withRls(bob, (tx) => tx`insert into demo_notes (org_id, body) values (${orgB}, 'bob note')`);

    const aliceSees = await withRls(alice, (tx) => tx`select body, author_id from demo_notes where org_id in (${orgA}, ${orgB})`);
    expect(aliceSees.map((r) => r.body)).toEqual(['alice note']);
    expect(aliceSees[0]?.author_id).toBe(alice.sub);

    // Positive control: both rows exist.
    const all = await admin`select count(*)::int as n from demo_notes where org_id in (${orgA}, ${orgB})`;
    expect(all[0]?.n).toBe(2);
  });

  it('refuses writes into another org', async () => {
    const orgA = crypto.randomUUID();
    await expect(
      withRls(member(orgA), (tx) => tx`insert into demo_notes (org_id, body) values (${crypto.randomUUID()}, 'x')`),
    ).rejects.toThrow(/row-level security/);
  });

  it('rolls back the whole transaction when fn throws', async () => {
    const org = crypto.randomUUID();
    const claims = member(org);
    await expect(
      withRls(claims, async (tx) => {
        await tx`insert into demo_notes (org_id, body) values (${org}, 'lost')`;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await admin`select 1 from demo_notes where org_id = ${org}`;
    expect(rows).toHaveLength(0);
  });

  it('anon sees nothing in tenant tables', async () => {
    await expect(withRls({ role: 'anon' }, (tx) => tx`select * from demo_notes`)).rejects.toThrow(/permission denied/);
  });

  it.each(['postgres', 'service_role', 'authenticator', 'authenticated; drop table demo_notes', ''])(
    'rejects the forged role name %j before any SQL runs',
    async (role) => {
      await expect(withRls({ role } as unknown as RlsClaims, async () => 'ran')).rejects.toThrow(/only the roles/);
    },
  );

  it('rejects authenticated claims without a subject', async () => {
    await expect(withRls({ role: 'authenticated' }, async () => 'ran')).rejects.toThrow(/only the roles/);
  });

  it('resets the role after the transaction, so the pool connection sees nothing again', async () => {
    const org = crypto.randomUUID();
    await withRls(member(org), (tx) => tx`select 1`);
    const [row] = await sql()`select current_user as u, current_setting('request.jwt.claims', true) as c`;
    expect(row?.u).toBe('authenticator');
    expect(row?.c ?? '').toBe('');
  });
});

describe('outside withRls', () => {
  it('the app login role reads nothing from tenant tables', async () => {
    await expect(sql()`select * from demo_notes`).rejects.toThrow(/permission denied/);
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
  it('sees every org and requires a reason', async () => {
    const org = crypto.randomUUID();
    await admin`insert into demo_notes (org_id, author_id, body) values (${org}, ${crypto.randomUUID()}, 'svc')`;
    const rows = await withServiceRole('test: cross-tenant read', (tx) => tx`select body from demo_notes where org_id = ${org}`);
    expect(rows.map((r) => r.body)).toEqual(['svc']);
    await expect(withServiceRole('  ', async () => 1)).rejects.toThrow(/reason/);
  });
});
