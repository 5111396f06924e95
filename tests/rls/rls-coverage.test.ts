import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { inRolledBack } from '@/tests/setup/rolled-back';

/**
 * Structural guarantees for every table reachable through the API (schema
 * public, and realtime.messages which authorizes private channels). Each check
 * has a positive control: a deliberately bad table, created in a transaction
 * that is rolled back, must be reported.
 */
const admin = adminSql();
afterAll(() => admin.end());
let assertions = 0;
afterAll(() => console.log(`RLS coverage: ${assertions} assertions`));

type Sql = typeof admin;
const exposed = `(n.nspname = 'public' or (n.nspname = 'realtime' and c.relname = 'messages'))`;

async function tablesWithoutRls(sql: Sql): Promise<string[]> {
  const rows = await sql.unsafe<{ name: string }[]>(`
    select n.nspname || '.' || c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and ${exposed}
      and (not c.relrowsecurity or not exists (select 1 from pg_policy p where p.polrelid = c.oid))
    order by 1`);
  return rows.map((r) => r.name);
}

async function anonGrants(sql: Sql): Promise<string[]> {
  const rows = await sql<{ grant: string }[]>`
    select table_name || ':' || privilege_type as grant from information_schema.role_table_grants
    where grantee in ('anon', 'PUBLIC') and table_schema = 'public' order by 1`;
  return rows.map((r) => r.grant);
}

/** Tenant tables (an org_id column) must have it not null, indexed first, and cascade from organizations. */
async function tenantTableProblems(sql: Sql): Promise<string[]> {
  const rows = await sql<{ problem: string }[]>`
    select c.relname || ': ' || p.problem as problem
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
    cross join lateral (values
      ('org_id is nullable', not a.attnotnull),
      ('no index starting with org_id', not exists (
        select 1 from pg_index i where i.indrelid = c.oid and i.indkey[0] = a.attnum)),
      ('org_id does not cascade from organizations', not exists (
        select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'f'
          and k.confrelid = 'public.organizations'::regclass and k.conkey = array[a.attnum] and k.confdeltype = 'c'))
    ) as p(problem, failing)
    where c.relkind in ('r', 'p') and p.failing
    order by 1`;
  return rows.map((r) => r.problem);
}

/** Security-definer functions outside pg_catalog/auth/realtime must pin search_path and not be executable by anon. */
async function unsafeDefiners(sql: Sql): Promise<string[]> {
  const rows = await sql<{ problem: string }[]>`
    select p.oid::regprocedure::text || case
             when not coalesce(p.proconfig::text[] && array['search_path=""', 'search_path='], false) then ': search_path not pinned to empty'
             else ': executable by anon' end as problem
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where p.prosecdef and n.nspname in ('public', 'private')
      and (not coalesce(p.proconfig::text[] && array['search_path=""', 'search_path='], false)
           or has_function_privilege('anon', p.oid, 'execute'))
    order by 1`;
  return rows.map((r) => r.problem);
}


describe('exposed tables', () => {
  it('all have RLS enabled and at least one policy', async () => {
    expect(await tablesWithoutRls(admin)).toEqual([]);
    const caught = await inRolledBack(admin, async (tx) => {
      await tx`create table public.rls_probe_open (id int)`;
      await tx`create table public.rls_probe_no_policy (id int)`;
      await tx`alter table public.rls_probe_no_policy enable row level security`;
      return tablesWithoutRls(tx);
    });
    expect(caught).toEqual(['public.rls_probe_no_policy', 'public.rls_probe_open']);
    assertions += 2;
  });

  it('all have a comment (comment on table)', async () => {
    const query = (sql: Sql) =>
      sql.unsafe<{ name: string }[]>(`
        select n.nspname || '.' || c.relname as name
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and ${exposed} and obj_description(c.oid, 'pg_class') is null`);
    expect(await query(admin)).toEqual([]);
    const caught = await inRolledBack(admin, async (tx) => {
      await tx`create table public.uncommented_probe (id int)`;
      return query(tx);
    });
    expect(caught.map((r) => r.name)).toEqual(['public.uncommented_probe']);
    assertions += 2;
  });

  it('grant nothing to anon (tenant lookup by slug goes through the service path)', async () => {
    expect(await anonGrants(admin)).toEqual([]);
    const caught = await inRolledBack(admin, async (tx) => {
      await tx`grant select on public.organizations to anon`;
      return anonGrants(tx);
    });
    expect(caught).toEqual(['organizations:SELECT']);
    assertions += 2;
  });

  it('tenant tables follow the conventions: org_id not null, indexed, cascading from organizations', async () => {
    expect(await tenantTableProblems(admin)).toEqual([]);
    const caught = await inRolledBack(admin, async (tx) => {
      await tx`create table public.tenant_probe (id int, org_id uuid)`;
      return tenantTableProblems(tx);
    });
    expect(caught).toEqual([
      'tenant_probe: no index starting with org_id',
      'tenant_probe: org_id does not cascade from organizations',
      'tenant_probe: org_id is nullable',
    ]);
    assertions += 2;
  });

  it('security-definer helpers pin search_path and are not callable by anon', async () => {
    expect(await unsafeDefiners(admin)).toEqual([]);
    const caught = await inRolledBack(admin, async (tx) => {
      await tx.unsafe(`create function private.probe_definer() returns int language sql security definer as 'select 1'`);
      return unsafeDefiners(tx);
    });
    expect(caught).toEqual(['private.probe_definer(): search_path not pinned to empty']);
    assertions += 2;
  });
});
