import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { inRolledBack } from '@/tests/setup/rolled-back';

/**
 * Every foreign key in public has an index whose leading columns are the key's
 * columns: deleting or re-keying a parent row (a role, a user) must not scan
 * the child table.
 */
const admin = adminSql();
afterAll(() => admin.end());
type Sql = typeof admin;

async function unindexedForeignKeys(sql: Sql): Promise<string[]> {
  const rows = await sql<{ fk: string }[]>`
    select c.conrelid::regclass::text || '(' || string_agg(a.attname, ', ' order by k.ord) || ')' as fk
    from pg_constraint c
    join pg_namespace n on n.oid = c.connamespace and n.nspname = 'public'
    cross join lateral unnest(c.conkey) with ordinality as k(attnum, ord)
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
    where c.contype = 'f'
      and not exists (
        select 1 from pg_index i
        where i.indrelid = c.conrelid
          and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
          and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey
      )
    group by c.oid, c.conrelid
    order by 1`;
  return rows.map((r) => r.fk);
}

describe('foreign keys', () => {
  it('all have an index starting with their columns', async () => {
    expect(await unindexedForeignKeys(admin)).toEqual([]);
  });

  it('positive control: a foreign key without an index is reported', async () => {
    const caught = await inRolledBack(admin, async (tx) => {
      await tx`create table public.fk_probe (id int, role text references public.roles (key))`;
      return unindexedForeignKeys(tx);
    });
    expect(caught).toEqual(['fk_probe(role)']);
  });
});
