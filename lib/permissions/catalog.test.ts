import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { reservedSlugs } from '@/lib/orgs/reserved-slugs';
import { permissions, roleLevels } from './schemas';

const admin = adminSql();
afterAll(() => admin.end());

describe('the catalog in the database matches the code', () => {
  it('roles and levels', async () => {
    const rows = await admin<{ key: string; level: number }[]>`select key, level from public.roles order by level desc`;
    expect(Object.fromEntries(rows.map((r) => [r.key, r.level]))).toEqual(roleLevels);
  });

  it('permissions', async () => {
    const rows = await admin<{ key: string }[]>`select key from public.permissions order by key`;
    expect(rows.map((r) => r.key)).toEqual([...permissions].sort());
  });

  it('reserved slugs', async () => {
    const rows = await admin<{ slug: string }[]>`select slug from public.reserved_slugs order by slug`;
    expect(rows.map((r) => r.slug)).toEqual([...reservedSlugs].sort());
  });

  it('the permission matrix: viewers only read, owners hold everything', async () => {
    const rows = await admin<{ role: string; perms: string[] }[]>`
      select role, array_agg(permission order by permission) as perms from public.role_permissions group by role`;
    const byRole = Object.fromEntries(rows.map((r) => [r.role, r.perms]));
    expect(byRole.viewer?.every((p) => p.endsWith(':read'))).toBe(true);
    expect(byRole.viewer).not.toContain('audit:read');
    expect(byRole.owner).toEqual([...permissions].sort());
    expect(byRole.admin).not.toContain('org:delete');
    expect(byRole.admin).not.toContain('billing:manage');
    expect(byRole.member).not.toContain('members:invite');
    // Each role holds everything the role below it holds.
    for (const [higher, lower] of [['owner', 'admin'], ['admin', 'member'], ['member', 'viewer']] as const) {
      expect(byRole[higher]).toEqual(expect.arrayContaining(byRole[lower] ?? []));
    }
  });
});
