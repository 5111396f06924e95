import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { addMember, createOrgWithRoles, createUser, roleOf } from '@/tests/setup/fixtures';
import { closeSql, withRls, withServiceRole, type Tx } from '@/lib/db';

/**
 * Role rules held by the database itself, tried with raw SQL so the service
 * layer's own checks cannot mask a gap: nobody grants or changes a role above
 * their own level; the last owner cannot be demoted, removed or leave, even
 * under concurrency; only an owner makes an owner.
 */
const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

type W = Awaited<ReturnType<typeof createOrgWithRoles>>;
const setRole = (tx: Tx, w: W, userId: string, role: string) =>
  tx`update public.memberships set role = ${role} where org_id = ${w.org.id} and user_id = ${userId}`;
const remove = (tx: Tx, w: W, userId: string) =>
  tx`delete from public.memberships where org_id = ${w.org.id} and user_id = ${userId}`;

describe('levels', () => {
  it('an admin cannot grant owner, to others or to themselves', async () => {
    const w = await createOrgWithRoles(admin);
    await expect(withRls(w.admin.claims, (tx) => setRole(tx, w, w.member.id, 'owner'))).rejects.toThrow(/row-level security/);
    await expect(withRls(w.admin.claims, (tx) => setRole(tx, w, w.admin.id, 'owner'))).rejects.toThrow(/row-level security/);
    // Positive control: the owner can.
    await withRls(w.owner.claims, (tx) => setRole(tx, w, w.member.id, 'owner'));
    expect(await roleOf(admin, w.org.id, w.member.id)).toBe('owner');
  });

  it('an admin cannot touch an owner; members and viewers change no roles', async () => {
    const w = await createOrgWithRoles(admin);
    expect((await withRls(w.admin.claims, (tx) => setRole(tx, w, w.owner.id, 'viewer'))).count).toBe(0);
    expect((await withRls(w.admin.claims, (tx) => remove(tx, w, w.owner.id))).count).toBe(0);
    expect((await withRls(w.member.claims, (tx) => setRole(tx, w, w.viewer.id, 'viewer'))).count).toBe(0);
    expect((await withRls(w.viewer.claims, (tx) => setRole(tx, w, w.viewer.id, 'admin'))).count).toBe(0);
    expect(await roleOf(admin, w.org.id, w.owner.id)).toBe('owner');
    // Positive control: an admin can act at their level and below.
    expect((await withRls(w.admin.claims, (tx) => setRole(tx, w, w.viewer.id, 'admin'))).count).toBe(1);
  });

  it('nobody inserts memberships directly, and a membership cannot move to another org or user', async () => {
    const w = await createOrgWithRoles(admin);
    await expect(
      withRls(w.outsider.claims, (tx) => tx`insert into public.memberships (org_id, user_id, role) values (${w.org.id}, ${w.outsider.id}, 'owner')`),
    ).rejects.toThrow(/permission denied/);
    await expect(withRls(w.owner.claims, (tx) => tx`update public.memberships set user_id = ${w.outsider.id} where user_id = ${w.member.id}`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(admin`update public.memberships set user_id = ${w.outsider.id} where org_id = ${w.org.id} and user_id = ${w.member.id}`).rejects.toThrow(
      /cannot move/,
    );
  });

  it('an invitation never carries owner, nor a role above the inviter', async () => {
    const w = await createOrgWithRoles(admin);
    const invite = (by: W['owner'], role: string) =>
      withRls(by.claims, (tx) =>
        tx`insert into public.invitations (org_id, email, role, token_hash, invited_by)
           values (${w.org.id}, ${`x-${crypto.randomUUID()}@example.test`}, ${role}, ${crypto.randomBytes(32).toString('hex')}, ${by.id})`);
    await expect(invite(w.admin, 'owner')).rejects.toThrow(/row-level security/);
    await expect(invite(w.owner, 'owner')).rejects.toThrow(/invitations_role_not_owner/);
    await expect(invite(w.member, 'viewer')).rejects.toThrow(/row-level security/);
    // Positive control: an admin may invite up to admin.
    await invite(w.admin, 'admin');
  });
});

describe('the last owner', () => {
  it('cannot be demoted, removed or leave, whoever asks', async () => {
    const w = await createOrgWithRoles(admin);
    await expect(withRls(w.owner.claims, (tx) => setRole(tx, w, w.owner.id, 'admin'))).rejects.toThrow(/at least one owner/);
    await expect(withRls(w.owner.claims, (tx) => remove(tx, w, w.owner.id))).rejects.toThrow(/at least one owner/);
    await expect(withServiceRole('test', (tx) => remove(tx, w, w.owner.id))).rejects.toThrow(/at least one owner/);
    await expect(admin`delete from public.memberships where org_id = ${w.org.id} and user_id = ${w.owner.id}`).rejects.toThrow(/at least one owner/);
    // Deleting the account of a last owner is refused too: transfer or delete the org first.
    await expect(admin`delete from auth.users where id = ${w.owner.id}`).rejects.toThrow(/at least one owner/);
    expect(await roleOf(admin, w.org.id, w.owner.id)).toBe('owner');
  });

  it('positive control: with a second owner, either may step down', async () => {
    const w = await createOrgWithRoles(admin);
    const second = await createUser(admin);
    await addMember(admin, w.org.id, second, 'owner');
    await withRls(w.owner.claims, (tx) => setRole(tx, w, w.owner.id, 'admin'));
    expect(await roleOf(admin, w.org.id, w.owner.id)).toBe('admin');
  });

  it('deleting the organization still removes every membership', async () => {
    const w = await createOrgWithRoles(admin);
    await withRls(w.owner.claims, (tx) => tx`delete from public.organizations where id = ${w.org.id}`);
    const [row] = await admin`select count(*)::int as n from public.memberships where org_id = ${w.org.id}`;
    expect(row?.n).toBe(0);
  });
});

/** Waits until a backend tagged `marker` is blocked on a lock. */
async function waitUntilBlocked(marker: string): Promise<boolean> {
  for (let i = 0; i < 100; i += 1) {
    const rows = await admin`select 1 from pg_stat_activity where application_name = ${marker} and wait_event_type = 'Lock'`;
    if (rows.length > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

async function race(w: W, second: { claims: W['owner']['claims'] }, first: (tx: Tx) => Promise<unknown>, then: (tx: Tx) => Promise<unknown>) {
  const marker = `race-${crypto.randomUUID()}`;
  let blocked = false;
  let secondRun: Promise<unknown> = Promise.resolve();
  const firstRun = withRls(w.owner.claims, async (tx) => {
    await first(tx);
    // The first transaction holds its change open until the second is provably waiting.
    secondRun = withRls(second.claims, async (tx2) => {
      await tx2`select set_config('application_name', ${marker}, true)`;
      return then(tx2);
    });
    secondRun.catch(() => {});
    blocked = await waitUntilBlocked(marker);
  });
  const results = await Promise.allSettled([firstRun, firstRun.then(() => secondRun)]);
  return { blocked, results };
}

describe('concurrent owner changes', () => {
  it('two owners demoting themselves at once leave one owner', async () => {
    const w = await createOrgWithRoles(admin);
    const second = await createUser(admin);
    await addMember(admin, w.org.id, second, 'owner');
    const { blocked, results } = await race(
      w,
      second,
      (tx) => setRole(tx, w, w.owner.id, 'admin'),
      (tx) => setRole(tx, w, second.id, 'admin'),
    );
    expect(blocked).toBe(true);
    expect(results[0]?.status).toBe('fulfilled');
    expect(results[1]?.status).toBe('rejected');
    expect(String(results[1]?.status === 'rejected' && results[1].reason)).toMatch(/at least one owner/);
    const owners = await admin`select user_id from public.memberships where org_id = ${w.org.id} and role = 'owner'`;
    expect(owners.map((r) => r.user_id)).toEqual([second.id]);
  });

  it('two owners removing each other at once leave one owner', async () => {
    const w = await createOrgWithRoles(admin);
    const second = await createUser(admin);
    await addMember(admin, w.org.id, second, 'owner');
    const { blocked, results } = await race(
      w,
      second,
      (tx) => remove(tx, w, second.id),
      (tx) => remove(tx, w, w.owner.id),
    );
    expect(blocked).toBe(true);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    const owners = await admin`select user_id from public.memberships where org_id = ${w.org.id} and role = 'owner'`;
    expect(owners.map((r) => r.user_id)).toEqual([w.owner.id]);
  });
});
