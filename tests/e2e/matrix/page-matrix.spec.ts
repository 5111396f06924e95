import fs from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { createConfirmedUser, expect, test, type TestUser } from '../auth/fixtures';
import { adminDb, closeAdminDb, createOrg, suffix, type ApiOrg, type Role } from '../support/api-fixtures';
import { tenantUrl } from '../support/stack';
import { auditPage, matrixTable, problemsOf, type MatrixCell, type MatrixPage } from './audit-page';

/**
 * Every page at 390×844 and 1280×800, light and dark, signed out and as each role:
 * no horizontal overflow and no serious or critical axe violations. The whole matrix
 * is written to test-results/.../page-matrix.md (the closing notes quote it).
 */
test.describe.configure({ mode: 'serial' });
test.afterAll(closeAdminDb);

const roles: Role[] = ['owner', 'admin', 'member', 'viewer'];
const cells: MatrixCell[] = [];
let org: ApiOrg;
const users = {} as Record<Role, TestUser>;

test.beforeAll(async () => {
  org = await createOrg('matrix', 'Matrix Labs');
  for (const role of roles) {
    users[role] = await createConfirmedUser(`matrix-${role}`, `${role[0]!.toUpperCase()}${role.slice(1)} Person`);
    await adminDb()`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${users[role].id}, ${role})`;
  }
});

/** A browser context of its own, from its own client address (the per-IP sign-in limit). */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': `203.0.113.${1 + (parseInt(suffix(), 16) % 250)}` } });
  return context.newPage();
}

async function signIn(page: Page, baseUrl: string, user: TestUser, next: string) {
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  const form = page.getByRole('form', { name: 'Sign in with password' });
  await form.getByLabel('Email', { exact: true }).fill(user.email);
  await form.getByLabel('Password', { exact: true }).fill(user.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${baseUrl}${next}`);
}

/** With MATRIX_SHOTS=1, every cell seen signed out or as the owner is also saved as a screenshot. */
async function measure(page: Page, identity: string, pages: MatrixPage[]) {
  const info = test.info();
  const shots = process.env.MATRIX_SHOTS === '1' && (identity === 'owner' || identity === 'signed out') ? (name: string) => info.outputPath(`${identity}-${name}.png`.replace(/ /g, '-')) : undefined;
  for (const entry of pages) cells.push(...(await auditPage(page, identity, entry, shots)));
}

test('signed out: marketing, auth and tenant sign-in pages', async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await freshPage(browser);
  await measure(page, 'signed out', [
    { label: 'landing', url: '/' },
    { label: 'sign in', url: '/sign-in' },
    { label: 'sign up', url: '/sign-up' },
    { label: 'forgot password', url: '/forgot-password' },
    { label: 'check email', url: `/check-email?reason=signup&email=${encodeURIComponent('a.very-long.address-for-wrapping@subdomain.example.com')}` },
    { label: 'not found', url: '/no-such-page', status: 404 },
    { label: 'tenant sign in', url: tenantUrl(org.slug, '/sign-in') },
    { label: 'unknown workspace', url: tenantUrl(`nobody-${suffix()}`, '/'), status: 404 },
  ]);
});

for (const role of roles) {
  test(`${role}: workspace pages and the account`, async ({ browser }) => {
    test.setTimeout(300_000);
    const page = await freshPage(browser);
    const tenant = tenantUrl(org.slug, '/').replace(/\/$/, '');
    await signIn(page, tenant, users[role], '/');
    await measure(page, role, [
      { label: 'workspace home', url: tenantUrl(org.slug, '/') },
      { label: 'members', url: tenantUrl(org.slug, '/members') },
      { label: 'audit log', url: tenantUrl(org.slug, '/audit') },
      { label: 'settings', url: tenantUrl(org.slug, '/settings') },
    ]);
    const apex = await freshPage(browser);
    await signIn(apex, '', users[role], '/account');
    await measure(apex, role, [
      { label: 'account', url: '/account' },
      { label: 'your workspaces', url: '/workspaces' },
      { label: 'landing (signed in)', url: '/' },
      { label: 'new organization', url: '/new-organization' },
    ]);
  });
}

test('the matrix is clean', async ({}, testInfo) => {
  const table = matrixTable(cells);
  fs.writeFileSync(testInfo.outputPath('page-matrix.md'), `${table}\n`);
  await testInfo.attach('page-matrix.md', { body: table, contentType: 'text/markdown' });
  expect(cells.length).toBeGreaterThan(0);
  expect(problemsOf(cells), table).toEqual([]);
});
