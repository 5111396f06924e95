import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { createConfirmedUser, expect, test, type TestUser } from '../auth/fixtures';
import { adminDb, closeAdminDb, createOrg, suffix, type ApiOrg, type Role } from '../support/api-fixtures';
import { tenantUrl } from '../support/stack';
import { auditPage, matrixTable, problemsOf, type MatrixCell, type MatrixPage } from './audit-page';

/**
 * Every page at 390×844 and 1280×800, light and dark, signed out and as each role:
 * no horizontal overflow and no serious or critical axe violations. One test per
 * page × identity; the last one writes the whole matrix to page-matrix.md in its
 * output folder (the closing notes quote it). MATRIX_SHOTS=1 also keeps a screenshot
 * of every cell seen signed out or as the owner.
 */
test.afterAll(closeAdminDb);

type Identity = 'signed out' | Role;
const roles: Role[] = ['owner', 'admin', 'member', 'viewer'];
/**
 * Each test writes its cells here (one file per page × identity, overwritten by the next run),
 * so the table survives the worker restart that follows a failed test.
 */
const cellsDir = path.join('test-results', `page-matrix-${process.env.E2E_PORT ?? '3100'}`);
let org: ApiOrg;
const sessions = new Map<Identity, Awaited<ReturnType<BrowserContext['storageState']>>>();

/** A client address of its own per context (the per-IP sign-in limit). */
const clientAddress = () => ({ 'X-Forwarded-For': `203.0.113.${1 + (parseInt(suffix(), 16) % 250)}` });

async function signIn(page: Page, baseUrl: string, user: TestUser, next: string) {
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  const form = page.getByRole('form', { name: 'Sign in with password' });
  await form.getByLabel('Email', { exact: true }).fill(user.email);
  await form.getByLabel('Password', { exact: true }).fill(user.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${baseUrl}${next}`, { timeout: 30_000 });
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  org = await createOrg('matrix', 'Matrix Labs');
  for (const role of roles) {
    const user = await createConfirmedUser(`matrix-${role}`, `${role[0]!.toUpperCase()}${role.slice(1)} Person`);
    await adminDb()`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${user.id}, ${role})`;
    // One context signed in on the tenant host and on the apex (host-only cookies for each).
    const context = await browser.newContext({ extraHTTPHeaders: clientAddress() });
    const page = await context.newPage();
    await signIn(page, tenantUrl(org.slug, '/').replace(/\/$/, ''), user, '/');
    await signIn(page, '', user, '/account');
    sessions.set(role, await context.storageState());
    await context.close();
  }
  // A board and a list with something on them (every column's frame, a long title, labels, a due date).
  const owner = (await adminDb()<{ user_id: string }[]>`select user_id from public.memberships where org_id = ${org.id} and role = 'owner'`)[0]!.user_id;
  await adminDb()`insert into public.tasks (org_id, title, status, priority, labels, due_on, assignee_id, created_by) values
    (${org.id}, 'Collect the signed consent forms from every clinic before the quarterly audit', 'todo', 'urgent', '{compliance,clinics}', current_date - 2, ${owner}, ${owner}),
    (${org.id}, 'Draft the intake form', 'in_progress', 'high', '{intake}', current_date + 3, null, ${owner}),
    (${org.id}, 'Wait for the vendor list', 'blocked', 'low', '{}', null, null, ${owner})`;
});

/** The pages, by who visits them; `url` takes the matrix organization's slug (made in beforeAll). */
type PageSpec = Omit<MatrixPage, 'url'> & { url: (slug: string) => string };
const longEmail = encodeURIComponent('a.very-long.address-for-wrapping@subdomain.example.com');
const signedOutPages: PageSpec[] = [
  { label: 'landing', url: () => '/' },
  { label: 'sign in', url: () => '/sign-in' },
  { label: 'sign up', url: () => '/sign-up' },
  { label: 'forgot password', url: () => '/forgot-password' },
  { label: 'check email', url: () => `/check-email?reason=signup&email=${longEmail}` },
  { label: 'not found', url: () => '/no-such-page', status: 404 },
  { label: 'tenant sign in', url: (slug) => tenantUrl(slug, '/sign-in') },
  { label: 'unknown workspace', url: () => tenantUrl(`nobody-${suffix()}`, '/'), status: 404 },
];
const signedInPages: PageSpec[] = [
  { label: 'workspace home', url: (slug) => tenantUrl(slug, '/') },
  { label: 'tasks board', url: (slug) => tenantUrl(slug, '/tasks') },
  { label: 'task list', url: (slug) => tenantUrl(slug, '/tasks/list') },
  { label: 'members', url: (slug) => tenantUrl(slug, '/members') },
  { label: 'audit log', url: (slug) => tenantUrl(slug, '/audit') },
  { label: 'settings', url: (slug) => tenantUrl(slug, '/settings') },
  { label: 'account', url: () => '/account' },
  { label: 'your workspaces', url: () => '/workspaces' },
  { label: 'landing (signed in)', url: () => '/' },
  { label: 'new organization', url: () => '/new-organization' },
];
const pagesOf = (identity: Identity) => (identity === 'signed out' ? signedOutPages : signedInPages);

async function measure(browser: Browser, identity: Identity, spec: PageSpec) {
  const entry: MatrixPage = { ...spec, url: spec.url(org.slug) };
  const context = await browser.newContext({ storageState: sessions.get(identity), extraHTTPHeaders: clientAddress() });
  const info = test.info();
  const shots = process.env.MATRIX_SHOTS === '1' && (identity === 'owner' || identity === 'signed out')
    ? (name: string) => info.outputPath(`${identity}-${name}.png`.replace(/[ ()]/g, '-'))
    : undefined;
  try {
    const measured = await auditPage(await context.newPage(), identity, entry, shots);
    fs.mkdirSync(cellsDir, { recursive: true });
    fs.writeFileSync(path.join(cellsDir, `${identity}-${spec.label}.json`.replace(/[^\w.-]+/g, '-')), JSON.stringify(measured));
    expect(problemsOf(measured)).toEqual([]);
  } finally {
    await context.close();
  }
}

for (const identity of ['signed out', ...roles] as Identity[]) {
  for (const spec of pagesOf(identity)) {
    test(`${spec.label} as ${identity}`, async ({ browser }) => {
      test.setTimeout(120_000);
      await measure(browser, identity, spec);
    });
  }
}

test('the matrix, written out', async ({}, testInfo) => {
  const cells = fs.readdirSync(cellsDir).flatMap((file) => JSON.parse(fs.readFileSync(path.join(cellsDir, file), 'utf8')) as MatrixCell[]);
  const table = matrixTable(cells);
  fs.writeFileSync(testInfo.outputPath('page-matrix.md'), `${table}\n`);
  await testInfo.attach('page-matrix.md', { body: table, contentType: 'text/markdown' });
  expect(cells.length).toBe((signedOutPages.length + roles.length * signedInPages.length) * 4);
});
