import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { createOrgWithRoles } from '@/tests/setup/fixtures';
import { closeSql, withRls } from '@/lib/db';
import { getChecklistState } from './queries';
import { dismissChecklist } from './service';

const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

describe('checklist state', () => {
  it('derives facts from the data and remembers a dismissal per user per organization', async () => {
    const w = await createOrgWithRoles(admin);
    const other = await createOrgWithRoles(admin);
    const state = (claims: typeof w.owner.claims, orgId = w.org.id) => withRls(claims, (tx) => getChecklistState(tx, orgId, 'get_started'));
    expect(await state(w.owner.claims)).toEqual({ facts: { memberCount: 4, invitationCount: 0 }, dismissed: false });

    await withRls(w.owner.claims, (tx) => dismissChecklist(tx, { orgId: w.org.id, checklist: 'get_started' }));
    await withRls(w.owner.claims, (tx) => dismissChecklist(tx, { orgId: w.org.id, checklist: 'get_started' })); // idempotent
    expect((await state(w.owner.claims)).dismissed).toBe(true);
    expect((await state(w.admin.claims)).dismissed).toBe(false);
    // Not audited: a personal preference.
    const [row] = await admin<{ n: number }[]>`select count(*)::int as n from public.audit_log where org_id = ${w.org.id}`;
    expect(row?.n).toBe(0);

    // Another organization of the same person is its own.
    await admin`insert into public.memberships (org_id, user_id, role) values (${other.org.id}, ${w.owner.id}, 'member')`;
    expect((await state(w.owner.claims, other.org.id)).dismissed).toBe(false);
  });

  it('outsiders cannot dismiss, and nobody writes or reads a row for someone else', async () => {
    const w = await createOrgWithRoles(admin);
    await expect(withRls(w.outsider.claims, (tx) => dismissChecklist(tx, { orgId: w.org.id, checklist: 'get_started' })))
      .rejects.toMatchObject({ code: 'not_found' });
    await expect(withRls(w.admin.claims, (tx) => tx`insert into public.checklist_dismissals (org_id, user_id, checklist)
      values (${w.org.id}, ${w.member.id}, 'get_started')`)).rejects.toMatchObject({ code: '42501' });
    await withRls(w.member.claims, (tx) => dismissChecklist(tx, { orgId: w.org.id, checklist: 'get_started' }));
    const seen = await withRls(w.owner.claims, (tx) => tx`select 1 from public.checklist_dismissals where org_id = ${w.org.id}`);
    expect(seen).toHaveLength(0);
    await expect(withRls(w.member.claims, (tx) => dismissChecklist(tx, { orgId: w.org.id, checklist: 'nope' as 'get_started' })))
      .rejects.toMatchObject({ code: 'validation_failed' });
  });
});
