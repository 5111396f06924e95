import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { addMember, createOrg, createUser } from '@/tests/setup/fixtures';
import { getMembership } from '@/lib/permissions/queries';
import { closeSql, sql, withRls } from '@/lib/db';
import { literal, pipelinedTransaction } from './transaction';

const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

describe('literal', () => {
  const hostile = [
    '', "'", "''", "'; drop table organizations; --", '$v$', '$v', 'x$v', '$v$v$', '$vv$$v$', '\\', "\\'", 'E\'\\x27\'',
    '$$', '$tag$ $tag$', 'line\nbreak\r\ttab', 'ünïcødé ✓ 𝕏', '"quoted"', '--', '/*', '*/ select 1',
    ...Array.from({ length: 40 }, () => crypto.randomBytes(24).toString('latin1').replaceAll('\u0000', '')),
  ];
  it('round-trips every string through Postgres unchanged, whatever it contains', async () => {
    for (const value of hostile) {
      const [row] = await admin.unsafe<{ v: string }[]>(`select ${literal(value)}::text as v`);
      expect(row?.v, JSON.stringify(value)).toBe(value);
    }
  });
  it('drops NUL, which text cannot hold', async () => {
    const [row] = await admin.unsafe<{ v: string }[]>(`select ${literal('a\u0000b')}::text as v`);
    expect(row?.v).toBe('ab');
  });
});

describe('pipelinedTransaction', () => {
  it('commits what fn did and leaves no transaction open on the connection', async () => {
    const value = await pipelinedTransaction("select set_config('app.probe', 'x', true) as s", async (tx, rows) => {
      const [row] = await tx<{ p: string }[]>`select current_setting('app.probe') as p`;
      expect((await rows)[0]?.s).toBe('x');
      return row?.p;
    });
    expect(value).toBe('x');
    const states = await sql()`select current_setting('app.probe', true) as p, now() = statement_timestamp() as fresh`;
    expect(states[0]?.p ?? '').toBe('');
  });

  it('rolls back when fn throws and reports the setup failure over the aborted queries behind it', async () => {
    await expect(pipelinedTransaction('select 1/0', (tx) => tx`select 1`)).rejects.toMatchObject({ code: '22012' });
    await expect(
      pipelinedTransaction('select 1', async () => {
        throw new Error('from fn');
      }),
    ).rejects.toThrow('from fn');
    // The pool still works and is not inside a failed transaction.
    await expect(sql()`select 1 as one`).resolves.toEqual([{ one: 1 }]);
  });
});

describe('withRls reads the caller in its first statement', () => {
  it('the preloaded membership equals the one a query finds; a non-member gets null', async () => {
    const owner = await createUser(admin);
    const viewer = await createUser(admin);
    const org = await createOrg(admin, owner);
    await addMember(admin, org.id, viewer, 'viewer');
    const queried = await withRls(viewer.claims, (tx) => getMembership(tx, org.id));
    const preloaded = await withRls(viewer.claims, (tx) => getMembership(tx, org.id), { orgId: org.id });
    expect(preloaded).toEqual(queried);
    expect(preloaded).toMatchObject({ role: 'viewer', permissions: expect.arrayContaining(['org:read']) });
    const stranger = await createUser(admin);
    await expect(withRls(stranger.claims, (tx) => getMembership(tx, org.id), { orgId: org.id })).resolves.toBeNull();
  });

  it('a later lookup in the same transaction sees a change made in it', async () => {
    const owner = await createUser(admin);
    const other = await createUser(admin);
    const org = await createOrg(admin, owner);
    await addMember(admin, org.id, other, 'owner');
    const roles = await withRls(
      owner.claims,
      async (tx) => {
        const before = await getMembership(tx, org.id);
        await tx`update public.memberships set role = 'admin' where org_id = ${org.id} and user_id = ${owner.id}`;
        const after = await getMembership(tx, org.id);
        return [before?.role, after?.role];
      },
      { orgId: org.id },
    );
    expect(roles).toEqual(['owner', 'admin']);
  });
});
