import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { auditActions, createOrgWithRoles, createUser, roleOf, testContext, uniqueSlug } from '@/tests/setup/fixtures';
import { closeSql, withRls } from '@/lib/db';
import { createOrganization, deleteOrganization, updateOrganization } from '@/lib/orgs/service';
import { resolveOrganizationBySlug } from '@/lib/orgs/queries';

const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

describe('createOrganization', () => {
  it('makes the creator the owner and audits it in the same transaction', async () => {
    const user = await createUser(admin);
    const slug = uniqueSlug('new');
    const org = await createOrganization({ userId: user.id, name: ' Acme ', slug: slug.toUpperCase() }, testContext());
    expect(org).toMatchObject({ name: 'Acme', slug });
    expect(await roleOf(admin, org.id, user.id)).toBe('owner');
    const entries = await admin`select actor_id, action, target_id, after, ip::text as ip from public.audit_log
                                where org_id = ${org.id} order by created_at, id`;
    expect(entries[0]).toMatchObject({ actor_id: user.id, action: 'organization.created', target_id: org.id, ip: '203.0.113.7/32' });
    expect(entries[0]?.after).toEqual({ name: 'Acme', slug });
    expect(entries[1]).toMatchObject({ actor_id: user.id, action: 'member.joined', target_id: user.id, after: { role: 'owner', email: user.email } });
    expect(entries).toHaveLength(2);
  });

  it('refuses a taken slug in any case with conflict, and reserved or malformed ones with validation_failed', async () => {
    const user = await createUser(admin);
    const slug = uniqueSlug('dup');
    await createOrganization({ userId: user.id, name: 'First', slug }, testContext());
    await expect(createOrganization({ userId: user.id, name: 'Second', slug: slug.toUpperCase() }, testContext())).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(createOrganization({ userId: user.id, name: 'W', slug: 'www' }, testContext())).rejects.toMatchObject({
      code: 'validation_failed',
      message: 'slug: This subdomain is reserved.',
    });
    await expect(createOrganization({ userId: user.id, name: 'W', slug: '-bad' }, testContext())).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('refuses users that do not exist', async () => {
    await expect(
      createOrganization({ userId: '00000000-0000-4000-8000-00000000dead', name: 'Ghost', slug: uniqueSlug() }, testContext()),
    ).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

describe('updateOrganization', () => {
  it('renames and changes the slug for admins; the old slug stops resolving', async () => {
    const w = await createOrgWithRoles(admin);
    const newSlug = uniqueSlug('renamed');
    const updated = await withRls(w.admin.claims, (tx) =>
      updateOrganization(tx, { orgId: w.org.id, name: 'Renamed', slug: newSlug }),
    );
    expect(updated).toMatchObject({ name: 'Renamed', slug: newSlug });
    expect(await resolveOrganizationBySlug(w.org.slug)).toBeNull();
    expect(await resolveOrganizationBySlug(newSlug)).toEqual({ id: w.org.id, name: 'Renamed', slug: newSlug });
    const [entry] = await admin`select before, after from public.audit_log where org_id = ${w.org.id} and action = 'organization.updated'`;
    expect(entry).toEqual({ before: { name: w.org.name, slug: w.org.slug }, after: { name: 'Renamed', slug: newSlug } });
  });

  it('refuses members (forbidden), outsiders (not_found) and taken slugs (conflict)', async () => {
    const w = await createOrgWithRoles(admin);
    const other = await createOrgWithRoles(admin);
    const ctx = testContext();
    await expect(withRls(w.member.claims, (tx) => updateOrganization(tx, { orgId: w.org.id, name: 'X' }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(withRls(other.owner.claims, (tx) => updateOrganization(tx, { orgId: w.org.id, name: 'X' }))).rejects.toMatchObject({ code: 'not_found' });
    await expect(withRls(w.owner.claims, (tx) => updateOrganization(tx, { orgId: w.org.id, slug: other.org.slug }))).rejects.toMatchObject({ code: 'conflict' });
    const [row] = await admin`select name, slug from public.organizations where id = ${w.org.id}`;
    expect(row).toEqual({ name: w.org.name, slug: w.org.slug });
  });
});

describe('deleteOrganization', () => {
  it('needs the owner and the slug typed exactly', async () => {
    const w = await createOrgWithRoles(admin);
    const ctx = testContext();
    await expect(withRls(w.admin.claims, (tx) => deleteOrganization(tx, { orgId: w.org.id, confirmation: w.org.slug }, ctx))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(withRls(w.owner.claims, (tx) => deleteOrganization(tx, { orgId: w.org.id, confirmation: 'nope' }, ctx))).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await resolveOrganizationBySlug(w.org.slug)).not.toBeNull();
  });

  it('deletes all tenant data: memberships, invitations and audit entries', async () => {
    const w = await createOrgWithRoles(admin);
    await withRls(w.owner.claims, (tx) => updateOrganization(tx, { orgId: w.org.id, name: 'Doomed' }));
    await admin`insert into public.invitations (org_id, email, role, token_hash, invited_by)
                values (${w.org.id}, 'x@example.test', 'viewer', ${'a'.repeat(64)}, ${w.owner.id})`;
    expect(await auditActions(admin, w.org.id)).toEqual(['organization.updated', 'invitation.created']);
    const result = await withRls(w.owner.claims, (tx) => deleteOrganization(tx, { orgId: w.org.id, confirmation: w.org.slug }, testContext()));
    expect(result).toEqual({ id: w.org.id, slug: w.org.slug });
    const [counts] = await admin`
      select (select count(*) from public.organizations where id = ${w.org.id})::int as orgs,
             (select count(*) from public.memberships where org_id = ${w.org.id})::int as members,
             (select count(*) from public.invitations where org_id = ${w.org.id})::int as invitations,
             (select count(*) from public.audit_log where org_id = ${w.org.id})::int as audit`;
    expect(counts).toEqual({ orgs: 0, members: 0, invitations: 0, audit: 0 });
    // The users themselves remain.
    const [users] = await admin`select count(*)::int as n from auth.users where id = ${w.owner.id}`;
    expect(users?.n).toBe(1);
  });
});
