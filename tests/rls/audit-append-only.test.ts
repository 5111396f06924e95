import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { createOrgWithRoles } from '@/tests/setup/fixtures';
import { closeSql, withRls, withServiceRole } from '@/lib/db';

/** Nobody changes or deletes audit entries: not owners, not the service role, not the table owner. */
const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

let w: Awaited<ReturnType<typeof createOrgWithRoles>>;
let entryId: string;
beforeEach(async () => {
  w = await createOrgWithRoles(admin);
  const [row] = await admin<{ id: string }[]>`
    insert into public.audit_log (org_id, actor_id, action, after) values (${w.org.id}, ${w.owner.id}, 'member.role_changed', '{"role":"viewer"}')
    returning id`;
  entryId = row?.id ?? '';
});

async function entry() {
  const [row] = await admin`select action, after from public.audit_log where id = ${entryId}`;
  return row;
}

describe('audit log is append-only', () => {
  it('owners can read but not insert, update or delete (only the audit triggers write)', async () => {
    const seen = await withRls(w.owner.claims, (tx) => tx`select id from public.audit_log where id = ${entryId}`);
    expect(seen).toHaveLength(1);
    await expect(
      withRls(w.owner.claims, (tx) => tx`insert into public.audit_log (org_id, actor_id, action) values (${w.org.id}, ${w.owner.id}, 'test.appended')`),
    ).rejects.toThrow(/permission denied/);
    await expect(withRls(w.owner.claims, (tx) => tx`update public.audit_log set action = 'x.y' where id = ${entryId}`)).rejects.toThrow(/permission denied/);
    await expect(withRls(w.owner.claims, (tx) => tx`delete from public.audit_log where id = ${entryId}`)).rejects.toThrow(/permission denied/);
    expect(await entry()).toEqual({ action: 'member.role_changed', after: { role: 'viewer' } });
  });

  it('the service role cannot insert, update or delete either', async () => {
    await expect(
      withServiceRole('test', (tx) => tx`insert into public.audit_log (org_id, actor_id, action) values (${w.org.id}, ${w.owner.id}, 'test.appended')`),
    ).rejects.toThrow(/permission denied/);
    await expect(withServiceRole('test', (tx) => tx`update public.audit_log set action = 'x.y' where id = ${entryId}`)).rejects.toThrow(/permission denied/);
    await expect(withServiceRole('test', (tx) => tx`delete from public.audit_log where id = ${entryId}`)).rejects.toThrow(/permission denied/);
    expect(await entry()).toEqual({ action: 'member.role_changed', after: { role: 'viewer' } });
  });

  it('even the table owner is stopped by the trigger (update, delete, truncate)', async () => {
    await expect(admin`update public.audit_log set action = 'x.y' where id = ${entryId}`).rejects.toThrow(/append-only/);
    await expect(admin`delete from public.audit_log where id = ${entryId}`).rejects.toThrow(/append-only/);
    await expect(admin`truncate public.audit_log`).rejects.toThrow(/append-only/);
    expect(await entry()).toEqual({ action: 'member.role_changed', after: { role: 'viewer' } });
  });

  it('positive control: with triggers off the same update works, so the trigger is what stops it', async () => {
    const rollback = new Error('rollback');
    let changed = 0;
    await admin
      .begin(async (tx) => {
        await tx.unsafe('set local session_replication_role = replica');
        changed = (await tx`update public.audit_log set action = 'x.y' where id = ${entryId}`).count;
        throw rollback;
      })
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
    expect(changed).toBe(1);
  });

  it('entries leave only with their organization (its deletion cascades)', async () => {
    await withRls(w.owner.claims, (tx) => tx`delete from public.organizations where id = ${w.org.id}`);
    expect(await entry()).toBeUndefined();
  });
});
