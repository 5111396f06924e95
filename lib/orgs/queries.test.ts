import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { addMember, createOrg, createOrgWithRoles, createUser, uniqueSlug } from '@/tests/setup/fixtures';
import { closeSql, withRls } from '@/lib/db';
import { checkSlugAvailability, getOrganization, listOrganizationsForUser, resolveOrganizationBySlug } from './queries';
import { slugMessages } from './schemas';

const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

describe('checkSlugAvailability', () => {
  it('gives the reason a slug cannot be taken', async () => {
    const owner = await createUser(admin);
    const org = await createOrg(admin, owner);
    expect(await checkSlugAvailability(uniqueSlug('free'))).toEqual({ available: true, reason: null });
    expect(await checkSlugAvailability(org.slug.toUpperCase())).toEqual({ available: false, reason: slugMessages.taken });
    expect(await checkSlugAvailability('support')).toEqual({ available: false, reason: slugMessages.reserved });
    expect(await checkSlugAvailability('a_b')).toEqual({ available: false, reason: slugMessages.characters });
  });
});

describe('resolveOrganizationBySlug', () => {
  it('finds the tenant case-insensitively and answers null for unknown or malformed hosts', async () => {
    const owner = await createUser(admin);
    const org = await createOrg(admin, owner, { name: 'Resolvable' });
    expect(await resolveOrganizationBySlug(org.slug.toUpperCase())).toEqual({ id: org.id, name: 'Resolvable', slug: org.slug });
    expect(await resolveOrganizationBySlug(uniqueSlug('missing'))).toBeNull();
    expect(await resolveOrganizationBySlug("x' or 1=1 --")).toBeNull();
  });
});

describe('listOrganizationsForUser', () => {
  it('lists only the caller’s organizations with their role', async () => {
    const user = await createUser(admin);
    const a = await createOrg(admin, user, { name: 'Alpha' });
    const otherOwner = await createUser(admin);
    const b = await createOrg(admin, otherOwner, { name: 'beta' });
    await addMember(admin, b.id, user, 'viewer');
    await createOrg(admin, otherOwner, { name: 'Not mine' });
    const orgs = await withRls(user.claims, (tx) => listOrganizationsForUser(tx));
    expect(orgs.map((o) => [o.name, o.role])).toEqual([
      ['Alpha', 'owner'],
      ['beta', 'viewer'],
    ]);
    expect(orgs[0]?.id).toBe(a.id);
  });
});

describe('getOrganization', () => {
  it('returns the org with the caller’s membership; not_found for outsiders', async () => {
    const w = await createOrgWithRoles(admin);
    const org = await withRls(w.member.claims, (tx) => getOrganization(tx, w.org.id));
    expect(org).toMatchObject({ id: w.org.id, slug: w.org.slug, membership: { role: 'member' } });
    await expect(withRls(w.outsider.claims, (tx) => getOrganization(tx, w.org.id))).rejects.toMatchObject({ code: 'not_found' });
  });
});
