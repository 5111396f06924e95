import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { createOrgWithRoles, createUser } from '@/tests/setup/fixtures';
import { closeSql, withRls, withServiceRole } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { currentUserId, getMembership, requirePermission } from './queries';

const admin = adminSql();
let world: Awaited<ReturnType<typeof createOrgWithRoles>>;
beforeAll(async () => {
  world = await createOrgWithRoles(admin);
});
afterAll(async () => {
  await closeSql();
  await admin.end();
});

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('getMembership / requirePermission', () => {
  it('returns the role, level and permissions of a member', async () => {
    const m = await withRls(world.viewer.claims, (tx) => getMembership(tx, world.org.id));
    expect(m).toMatchObject({ orgId: world.org.id, userId: world.viewer.id, role: 'viewer', level: 10 });
    expect(m?.permissions).toContain('members:read');
    expect(m?.permissions).not.toContain('members:invite');
  });

  it('lets holders through and refuses others with forbidden', async () => {
    await expect(withRls(world.admin.claims, (tx) => requirePermission(tx, world.org.id, 'members:invite'))).resolves.toMatchObject({ role: 'admin' });
    const denied = await errorOf(withRls(world.viewer.claims, (tx) => requirePermission(tx, world.org.id, 'members:invite')));
    expect(denied.code).toBe('forbidden');
  });

  it("answers another tenant's id exactly like a nonexistent or malformed one", async () => {
    const foreign = await errorOf(withRls(world.outsider.claims, (tx) => requirePermission(tx, world.org.id, 'org:read')));
    const missing = await errorOf(withRls(world.owner.claims, (tx) => requirePermission(tx, crypto.randomUUID(), 'org:read')));
    const malformed = await errorOf(withRls(world.owner.claims, (tx) => requirePermission(tx, "1' or '1'='1", 'org:read')));
    expect(foreign).toEqual({ code: 'not_found', message: 'Organization not found.' });
    expect(missing).toEqual(foreign);
    expect(malformed).toEqual(foreign);
  });

  it('currentUserId needs a signed-in caller', async () => {
    const user = await createUser(admin);
    await expect(withRls(user.claims, (tx) => currentUserId(tx))).resolves.toBe(user.id);
    expect((await errorOf(withServiceRole('test: no user', (tx) => currentUserId(tx)))).code).toBe('unauthorized');
  });
});
