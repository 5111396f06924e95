import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { createOrgWithRoles } from '@/tests/setup/fixtures';
import { closeSql, withRls } from '@/lib/db';
import { listAuditEntries } from './queries';

const admin = adminSql();
let w: Awaited<ReturnType<typeof createOrgWithRoles>>;
beforeAll(async () => {
  w = await createOrgWithRoles(admin);
  // 30 entries over 30 days (after the entries the fixture's own changes wrote),
  // alternating actors and actions.
  for (let day = 0; day < 30; day += 1) {
    const actor = day % 2 === 0 ? w.owner.id : w.admin.id;
    const action = day % 3 === 0 ? 'member.role_changed' : 'invitation.created';
    await admin`insert into public.audit_log (org_id, actor_id, action, target_type, target_id, request_id, created_at)
                values (${w.org.id}, ${actor}, ${action}, 'user', ${crypto.randomUUID()}, ${`seed-${day}`},
                        timestamptz '2030-01-01T00:00:00Z' + make_interval(days => ${day}))`;
  }
});
afterAll(async () => {
  await closeSql();
  await admin.end();
});

describe('listAuditEntries', () => {
  it('lists newest first with cursor pages that neither skip nor repeat', async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await withRls(w.admin.claims, (tx) => listAuditEntries(tx, { orgId: w.org.id, limit: 7, cursor }));
      ids.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const [row] = await admin<{ total: number }[]>`select count(*)::int as total from public.audit_log where org_id = ${w.org.id}`;
    const total = row?.total ?? 0;
    expect(new Set(ids).size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(30);
    const first = await withRls(w.admin.claims, (tx) => listAuditEntries(tx, { orgId: w.org.id, limit: 2 }));
    expect(first.items[0]?.requestId).toBe('seed-29');
    expect(first.items[0]?.actorEmail).toBe(w.admin.email);
  });

  it('filters by actor, action and an inclusive date range', async () => {
    const list = (f: Record<string, string>) => withRls(w.owner.claims, (tx) => listAuditEntries(tx, { orgId: w.org.id, limit: 100, ...f }));
    expect((await list({ actorId: w.owner.id })).items).toHaveLength(15);
    expect((await list({ action: 'member.role_changed' })).items).toHaveLength(10);
    const range = await list({ from: '2030-01-05T00:00:00Z', to: '2030-01-09T00:00:00Z' });
    expect(range.items.map((e) => e.requestId)).toEqual(['seed-8', 'seed-7', 'seed-6', 'seed-5', 'seed-4']);
    expect((await list({ actorId: w.admin.id, action: 'member.role_changed' })).items).toHaveLength(5);
  });

  it('is for audit:read holders; outsiders get not_found', async () => {
    await expect(withRls(w.member.claims, (tx) => listAuditEntries(tx, { orgId: w.org.id }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(withRls(w.viewer.claims, (tx) => listAuditEntries(tx, { orgId: w.org.id }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(withRls(w.outsider.claims, (tx) => listAuditEntries(tx, { orgId: w.org.id }))).rejects.toMatchObject({ code: 'not_found' });
  });
});
