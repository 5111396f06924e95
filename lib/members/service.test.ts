import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { addMember, auditActions, createOrgWithRoles, createUser, roleOf, testContext } from '@/tests/setup/fixtures';
import { closeSql, withRls } from '@/lib/db';
import { changeMemberRole, leaveOrganization, removeMember, transferOwnership } from '@/lib/members/service';

const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});
const ctx = testContext();

describe('changeMemberRole', () => {
  it('lets an admin demote a member to viewer, with an audit entry holding before and after', async () => {
    const w = await createOrgWithRoles(admin);
    await withRls(w.admin.claims, (tx) => changeMemberRole(tx, { orgId: w.org.id, userId: w.member.id, role: 'viewer' }), { context: ctx });
    expect(await roleOf(admin, w.org.id, w.member.id)).toBe('viewer');
    const [entry] = await admin`select actor_id, target_id, before, after, request_id from public.audit_log
                                where org_id = ${w.org.id} and action = 'member.role_changed'`;
    expect(entry).toEqual({
      actor_id: w.admin.id,
      target_id: w.member.id,
      before: { role: 'member', email: w.member.email },
      after: { role: 'viewer', email: w.member.email },
      request_id: ctx.requestId,
    });
  });

  it('refuses granting above one’s own level and acting on someone above', async () => {
    const w = await createOrgWithRoles(admin);
    const act = (by: typeof w.admin, userId: string, role: 'owner' | 'admin' | 'member' | 'viewer') =>
      withRls(by.claims, (tx) => changeMemberRole(tx, { orgId: w.org.id, userId, role }));
    await expect(act(w.admin, w.member.id, 'owner')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(act(w.admin, w.admin.id, 'owner')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(act(w.admin, w.owner.id, 'viewer')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(act(w.member, w.viewer.id, 'member')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(act(w.viewer, w.viewer.id, 'admin')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(act(w.outsider, w.member.id, 'viewer')).rejects.toMatchObject({ code: 'not_found' });
    await expect(act(w.admin, w.outsider.id, 'viewer')).rejects.toMatchObject({ code: 'not_found' });
    expect(await roleOf(admin, w.org.id, w.owner.id)).toBe('owner');
    expect(await roleOf(admin, w.org.id, w.member.id)).toBe('member');
    expect(await auditActions(admin, w.org.id)).toEqual([]);
  });

  it('lets an owner make another owner, and keeps the last owner', async () => {
    const w = await createOrgWithRoles(admin);
    await expect(
      withRls(w.owner.claims, (tx) => changeMemberRole(tx, { orgId: w.org.id, userId: w.owner.id, role: 'admin' })),
    ).rejects.toMatchObject({ code: 'conflict' });
    await withRls(w.owner.claims, (tx) => changeMemberRole(tx, { orgId: w.org.id, userId: w.admin.id, role: 'owner' }));
    await withRls(w.owner.claims, (tx) => changeMemberRole(tx, { orgId: w.org.id, userId: w.owner.id, role: 'admin' }));
    expect(await roleOf(admin, w.org.id, w.admin.id)).toBe('owner');
    expect(await roleOf(admin, w.org.id, w.owner.id)).toBe('admin');
  });
});

describe('removeMember', () => {
  it('removes a member at or below the caller, never the last owner', async () => {
    const w = await createOrgWithRoles(admin);
    await withRls(w.admin.claims, (tx) => removeMember(tx, { orgId: w.org.id, userId: w.viewer.id }));
    expect(await roleOf(admin, w.org.id, w.viewer.id)).toBeNull();
    await expect(withRls(w.admin.claims, (tx) => removeMember(tx, { orgId: w.org.id, userId: w.owner.id }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(withRls(w.member.claims, (tx) => removeMember(tx, { orgId: w.org.id, userId: w.admin.id }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(withRls(w.admin.claims, (tx) => removeMember(tx, { orgId: w.org.id, userId: w.viewer.id }))).rejects.toMatchObject({ code: 'not_found' });
    expect(await auditActions(admin, w.org.id)).toEqual(['member.removed']);
  });
});

describe('leaveOrganization', () => {
  it('lets anyone leave except the last owner', async () => {
    const w = await createOrgWithRoles(admin);
    await withRls(w.viewer.claims, (tx) => leaveOrganization(tx, { orgId: w.org.id }));
    expect(await roleOf(admin, w.org.id, w.viewer.id)).toBeNull();
    await expect(withRls(w.owner.claims, (tx) => leaveOrganization(tx, { orgId: w.org.id }))).rejects.toMatchObject({ code: 'conflict' });
    await expect(withRls(w.viewer.claims, (tx) => leaveOrganization(tx, { orgId: w.org.id }))).rejects.toMatchObject({ code: 'not_found' });
    expect(await roleOf(admin, w.org.id, w.owner.id)).toBe('owner');
    expect(await auditActions(admin, w.org.id)).toEqual(['member.left']);
  });
});

describe('transferOwnership', () => {
  it('needs the current owner and an explicit confirmation', async () => {
    const w = await createOrgWithRoles(admin);
    const input = { orgId: w.org.id, userId: w.member.id, confirm: true as const };
    await expect(withRls(w.admin.claims, (tx) => transferOwnership(tx, input))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      withRls(w.owner.claims, (tx) => transferOwnership(tx, { ...input, confirm: false } as unknown as typeof input)),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(withRls(w.owner.claims, (tx) => transferOwnership(tx, { ...input, userId: w.outsider.id }))).rejects.toMatchObject({ code: 'not_found' });
    await withRls(w.owner.claims, (tx) => transferOwnership(tx, input));
    expect(await roleOf(admin, w.org.id, w.member.id)).toBe('owner');
    expect(await roleOf(admin, w.org.id, w.owner.id)).toBe('admin');
    // The new owner is promoted before the old one steps down; each change is audited.
    const entries = await admin`select actor_id, target_id, before ->> 'role' as was, after ->> 'role' as now
                                from public.audit_log where org_id = ${w.org.id} order by created_at, id`;
    expect([...entries]).toEqual([
      { actor_id: w.owner.id, target_id: w.member.id, was: 'member', now: 'owner' },
      { actor_id: w.owner.id, target_id: w.owner.id, was: 'owner', now: 'admin' },
    ]);
  });

  it('works for a member of several organizations', async () => {
    const w = await createOrgWithRoles(admin);
    const other = await createOrgWithRoles(admin);
    const both = await createUser(admin);
    await addMember(admin, w.org.id, both, 'viewer');
    await addMember(admin, other.org.id, both, 'member');
    await withRls(w.owner.claims, (tx) => transferOwnership(tx, { orgId: w.org.id, userId: both.id, confirm: true }));
    expect(await roleOf(admin, w.org.id, both.id)).toBe('owner');
    expect(await roleOf(admin, other.org.id, both.id)).toBe('member');
  });
});
