import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { createOrgWithRoles, createUser, testContext } from '@/tests/setup/fixtures';
import { closeSql, withRls, withServiceRole } from '@/lib/db';
import { listAuditEntries, listAuditFeed } from './queries';

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

describe('listAuditFeed', () => {
  it('words each entry with names resolved, also of a member who has left, and never a raw id', async () => {
    const f = await createOrgWithRoles(admin);
    const ctx = testContext();
    // Real changes, audited by the triggers: a role change, then the member leaves.
    await withRls(f.admin.claims, (tx) => tx`update public.memberships set role = 'viewer' where org_id = ${f.org.id} and user_id = ${f.member.id}`, { context: ctx });
    await withRls(f.member.claims, (tx) => tx`delete from public.memberships where org_id = ${f.org.id} and user_id = ${f.member.id}`, { context: ctx });
    const page = await withRls(f.owner.claims, (tx) => listAuditFeed(tx, { orgId: f.org.id }));
    expect(page.items.map((e) => e.sentence.text)).toEqual([
      `${f.member.name} left the organization`,
      `${f.admin.name} changed ${f.member.name}’s role from member to viewer`,
    ]);
    expect(page.items[0]?.actor).toEqual({ id: f.member.id, name: f.member.name, email: f.member.email });
    expect(page.items[1]?.target).toEqual({ id: f.member.id, name: f.member.name, email: f.member.email });
    // The raw entry stays for the details drawer.
    expect(page.items[1]).toMatchObject({ action: 'member.role_changed', requestId: ctx.requestId, before: { role: 'member' } });
  });

  it('drops unchanged keys, names the system, and reads a deleted account as a former member', async () => {
    const f = await createOrgWithRoles(admin);
    const gone = crypto.randomUUID();
    // Entries as an older writer might have stored them: the slug did not change.
    await admin`insert into public.audit_log (org_id, actor_id, action, target_type, target_id, before, after, created_at) values
      (${f.org.id}, ${f.owner.id}, 'organization.updated', 'organization', ${f.org.id},
       ${admin.json({ name: 'Acme', slug: 'acme' })}, ${admin.json({ name: 'Acme Health', slug: 'acme' })}, now() - interval '3 minutes'),
      (${f.org.id}, null, 'member.joined', 'user', ${gone}, null, ${admin.json({ role: 'viewer', email: 'gone@example.test' })}, now() - interval '2 minutes'),
      (${f.org.id}, ${gone}, 'invitation.created', 'invitation', ${crypto.randomUUID()}, null,
       ${admin.json({ email: 'next@example.test', role: 'member', expires_at: '2030-01-08T00:00:00+00:00' })}, now() - interval '1 minute')`;
    const page = await withRls(f.admin.claims, (tx) => listAuditFeed(tx, { orgId: f.org.id }));
    const texts = page.items.map((e) => e.sentence.text);
    expect(texts).toEqual([
      'A former member invited next@example.test as member',
      'gone@example.test joined as viewer',
      `${f.owner.name} renamed the organization from Acme to Acme Health`,
    ]);
    expect(page.items.every((e) => e.sentence.changes.length === 0)).toBe(true);
    expect(texts.join(' ')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('resolves only users named in the organization’s log, and only for audit:read holders', async () => {
    const f = await createOrgWithRoles(admin);
    const stranger = await createUser(admin);
    await withServiceRole('test: an audited change', (tx) => tx`update public.memberships set role = 'viewer' where org_id = ${f.org.id} and user_id = ${f.member.id}`, { actorId: f.owner.id });
    const lookup = (claims: typeof f.owner.claims) => withRls(claims, (tx) =>
      tx<{ email: string }[]>`select email from private.audit_people(${f.org.id}::uuid, ${[f.owner.id, f.member.id, f.viewer.id, stranger.id]}::uuid[]) order by email`);
    expect((await lookup(f.admin.claims)).map((r) => r.email)).toEqual([f.owner.email, f.member.email].sort());
    expect(await lookup(f.member.claims)).toHaveLength(0);
    expect(await lookup(f.outsider.claims)).toHaveLength(0);
    expect(await lookup(stranger.claims)).toHaveLength(0);
  });
});
