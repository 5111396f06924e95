import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { addMember, createOrgWithRoles, createUser } from '@/tests/setup/fixtures';
import { closeSql, withRls } from '@/lib/db';
import { countOwners, escapeLike, listMembers } from './queries';

const admin = adminSql();
let w: Awaited<ReturnType<typeof createOrgWithRoles>>;
beforeAll(async () => {
  w = await createOrgWithRoles(admin);
  const extras = await Promise.all(
    Array.from({ length: 7 }, (_, i) => createUser(admin, { name: `Extra ${i}`, email: `extra-${i}-${w.org.slug}@example.test` })),
  );
  for (const user of extras) await addMember(admin, w.org.id, user, 'viewer');
  const percent = await createUser(admin, { name: '100% Real', email: `pct-${w.org.slug}@example.test` });
  await addMember(admin, w.org.id, percent, 'member');
});
afterAll(async () => {
  await closeSql();
  await admin.end();
});

describe('listMembers', () => {
  it('lists members with email, name, role, joined date and last sign-in', async () => {
    const page = await withRls(w.viewer.claims, (tx) => listMembers(tx, { orgId: w.org.id }));
    expect(page.items).toHaveLength(12);
    expect(page.nextCursor).toBeNull();
    const owner = page.items.find((m) => m.userId === w.owner.id);
    expect(owner).toMatchObject({ email: w.owner.email, name: w.owner.name, role: 'owner' });
    expect(owner?.joinedAt).toBeInstanceOf(Date);
    expect(owner?.lastSignInAt).toBeInstanceOf(Date);
  });

  it('pages with a cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await withRls(w.member.claims, (tx) => listMembers(tx, { orgId: w.org.id, limit: 5, cursor }));
      seen.push(...page.items.map((m) => m.userId));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(12);
  });

  it('pages newest first with order desc, the exact reverse', async () => {
    const oldestFirst = (await withRls(w.admin.claims, (tx) => listMembers(tx, { orgId: w.org.id }))).items.map((m) => m.userId);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await withRls(w.admin.claims, (tx) => listMembers(tx, { orgId: w.org.id, order: 'desc', limit: 5, cursor }));
      seen.push(...page.items.map((m) => m.userId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...oldestFirst].reverse());
  });

  it('searches name or email case-insensitively, with wildcards taken literally', async () => {
    const byName = await withRls(w.admin.claims, (tx) => listMembers(tx, { orgId: w.org.id, search: 'EXTRA 3' }));
    expect(byName.items.map((m) => m.name)).toEqual(['Extra 3']);
    const byEmail = await withRls(w.admin.claims, (tx) => listMembers(tx, { orgId: w.org.id, search: `extra-5-${w.org.slug}` }));
    expect(byEmail.items).toHaveLength(1);
    const literal = await withRls(w.admin.claims, (tx) => listMembers(tx, { orgId: w.org.id, search: '%' }));
    expect(literal.items.map((m) => m.name)).toEqual(['100% Real']);
    expect(escapeLike('a_b%c\\')).toBe('a\\_b\\%c\\\\');
  });

  it('refuses outsiders as not_found and caps the page size', async () => {
    await expect(withRls(w.outsider.claims, (tx) => listMembers(tx, { orgId: w.org.id }))).rejects.toMatchObject({ code: 'not_found' });
    await expect(withRls(w.owner.claims, (tx) => listMembers(tx, { orgId: w.org.id, limit: 101 }))).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(withRls(w.owner.claims, (tx) => listMembers(tx, { orgId: w.org.id, cursor: 'garbage' }))).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('countOwners', () => {
  it('counts the owners for members, and refuses outsiders', async () => {
    expect(await withRls(w.viewer.claims, (tx) => countOwners(tx, w.org.id))).toBe(1);
    const second = await createUser(admin, { name: 'Second owner' });
    await addMember(admin, w.org.id, second, 'owner');
    expect(await withRls(w.owner.claims, (tx) => countOwners(tx, w.org.id))).toBe(2);
    await admin`delete from public.memberships where org_id = ${w.org.id} and user_id = ${second.id}`;
    await expect(withRls(w.outsider.claims, (tx) => countOwners(tx, w.org.id))).rejects.toMatchObject({ code: 'not_found' });
  });
});
