import { afterAll, describe, expect, it } from 'vitest';
import { adminSql } from '@/tests/setup/admin-sql';
import { createOrgWithRoles } from '@/tests/setup/fixtures';
import { closeSql, withRls } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { guardDb, translateDbError } from '@/lib/db/errors';

const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

describe('guardDb', () => {
  it('turns database guards into the AppError vocabulary', async () => {
    const w = await createOrgWithRoles(admin);
    const other = await createOrgWithRoles(admin);
    await expect(guardDb(admin`update public.organizations set slug = ${other.org.slug} where id = ${w.org.id}`)).rejects.toMatchObject({ code: 'conflict' });
    await expect(guardDb(admin`update public.organizations set slug = 'www' where id = ${w.org.id}`)).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      guardDb(admin`delete from public.memberships where org_id = ${w.org.id} and user_id = ${w.owner.id}`),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/at least one owner/) });
    await expect(
      withRls(w.member.claims, (tx) => guardDb(tx`insert into public.organizations (name, slug) values ('x', 'xyz-abc')`)),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('passes other errors through untouched', async () => {
    const plain = new Error('boom');
    expect(translateDbError(plain)).toBe(plain);
    const syntax = await admin`select from nowhere_at_all`.catch((e: unknown) => e);
    expect(translateDbError(syntax)).toBe(syntax);
    expect(translateDbError(syntax)).not.toBeInstanceOf(AppError);
  });
});
