import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { inRolledBack } from '@/tests/setup/rolled-back';

/**
 * One way in: API roles may write only what the app writes through withRls,
 * and the service role only what service paths write. A table the app writes
 * only through a service (organizations and memberships are created there;
 * handoff codes live there) must not be writable by anon or authenticated,
 * and nobody writes audit_log but the audit triggers. Any new grant fails here
 * until it is added on purpose.
 */
const admin = adminSql();
afterAll(() => admin.end());
type Sql = typeof admin;

const expected = [
  'authenticated:approval_decisions:INSERT',
  'authenticated:approval_events:INSERT',
  'authenticated:approval_policies:INSERT',
  'authenticated:approval_policies:UPDATE',
  'authenticated:approval_requests:INSERT',
  'authenticated:approval_requests:UPDATE',
  'authenticated:checklist_dismissals:INSERT',
  'authenticated:invitations:INSERT',
  'authenticated:invitations:UPDATE',
  'authenticated:memberships:DELETE',
  'authenticated:memberships:UPDATE',
  'authenticated:notification_channels:DELETE',
  'authenticated:notification_channels:INSERT',
  'authenticated:notification_channels:UPDATE',
  'authenticated:notification_deliveries:UPDATE',
  'authenticated:notification_preferences:DELETE',
  'authenticated:notification_preferences:INSERT',
  'authenticated:notification_preferences:UPDATE',
  'authenticated:notifications:UPDATE',
  'authenticated:organizations:DELETE',
  'authenticated:organizations:UPDATE',
  'authenticated:task_comments:INSERT',
  'authenticated:task_watchers:DELETE',
  'authenticated:task_watchers:INSERT',
  'authenticated:tasks:DELETE',
  'authenticated:tasks:INSERT',
  'authenticated:tasks:UPDATE',
  'service_role:approval_decisions:INSERT',
  'service_role:approval_links:DELETE',
  'service_role:approval_links:INSERT',
  'service_role:approval_links:UPDATE',
  'service_role:approval_requests:UPDATE',
  'service_role:handoff_codes:DELETE',
  'service_role:handoff_codes:INSERT',
  'service_role:handoff_codes:UPDATE',
  'service_role:invitations:DELETE',
  'service_role:invitations:INSERT',
  'service_role:invitations:UPDATE',
  'service_role:memberships:DELETE',
  'service_role:memberships:INSERT',
  'service_role:memberships:UPDATE',
  'service_role:notification_deliveries:INSERT',
  'service_role:notification_deliveries:UPDATE',
  'service_role:notifications:INSERT',
  'service_role:notifications:UPDATE',
  'service_role:organizations:DELETE',
  'service_role:organizations:INSERT',
  'service_role:organizations:UPDATE',
  'service_role:task_comments:DELETE',
  'service_role:task_comments:INSERT',
  'service_role:task_comments:UPDATE',
  'service_role:task_watchers:DELETE',
  'service_role:task_watchers:INSERT',
  'service_role:task_watchers:UPDATE',
  'service_role:tasks:DELETE',
  'service_role:tasks:INSERT',
  'service_role:tasks:UPDATE',
];

/** Every (role, table, verb) in schema public that an API role can write, including through column grants. */
async function writeGrants(sql: Sql): Promise<string[]> {
  const rows = await sql<{ grant: string }[]>`
    select r.role || ':' || c.relname || ':' || v.verb as grant
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    cross join (values ('anon'), ('authenticated'), ('service_role'), ('public')) as r(role)
    cross join (values ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE')) as v(verb)
    where c.relkind in ('r', 'p', 'v', 'm')
      and case
            when r.role = 'public' then
              exists (select 1 from aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
                      where a.grantee = 0 and a.privilege_type = v.verb)
            when v.verb in ('INSERT', 'UPDATE') then has_any_column_privilege(r.role, c.oid, v.verb)
            else has_table_privilege(r.role, c.oid, v.verb)
          end
    order by 1`;
  return rows.map((row) => row.grant);
}


describe('write grants', () => {
  it('API roles can write exactly the tables the app writes through them', async () => {
    expect(await writeGrants(admin)).toEqual(expected);
  });

  it('positive control: a stray grant (even one column) is reported', async () => {
    const caught = await inRolledBack(admin, async (tx) => {
      await tx`grant insert (action) on public.audit_log to authenticated`;
      await tx`grant insert on public.memberships to authenticated`;
      return writeGrants(tx);
    });
    expect(caught.filter((g) => !expected.includes(g))).toEqual(['authenticated:audit_log:INSERT', 'authenticated:memberships:INSERT']);
  });

  it('new tables and functions grant nothing to the API roles or PUBLIC by default', async () => {
    const probe = await inRolledBack(admin, async (tx) => {
      await tx`create table public.grant_probe (id int)`;
      await tx`create function public.grant_probe_fn() returns int language sql as 'select 1'`;
      await tx`create function private.grant_probe_fn() returns int language sql as 'select 1'`;
      return tx<{ table: boolean; fn: boolean; private_fn: boolean }[]>`
        select has_table_privilege('authenticated', 'public.grant_probe', 'select')
                 or has_table_privilege('service_role', 'public.grant_probe', 'insert') as table,
               has_function_privilege('anon', 'public.grant_probe_fn()', 'execute') as fn,
               has_function_privilege('authenticated', 'private.grant_probe_fn()', 'execute') as private_fn`;
    });
    expect([...probe]).toEqual([{ table: false, fn: false, private_fn: false }]);
  });

  it('signed-in users cannot broadcast from SQL past the realtime.messages insert policy', async () => {
    const [row] = await admin<{ send: boolean; changes: boolean; service: boolean }[]>`
      select has_function_privilege('authenticated', 'realtime.send(jsonb, text, text, boolean)', 'execute')
               or has_function_privilege('anon', 'realtime.send(jsonb, text, text, boolean)', 'execute') as send,
             has_function_privilege('authenticated', 'realtime.broadcast_changes(text, text, text, text, text, record, record, text)', 'execute') as changes,
             has_function_privilege('service_role', 'realtime.send(jsonb, text, text, boolean)', 'execute') as service`;
    expect(row).toEqual({ send: false, changes: false, service: true });
  });
});
