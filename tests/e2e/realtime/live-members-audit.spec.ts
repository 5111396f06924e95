import type { Page } from '@playwright/test';
import { createConfirmedUser, expect, test, type TestUser } from '../auth/fixtures';
import { WorkspacePage } from '../pages/workspace.po';
import { adminDb, closeAdminDb, createOrg } from '../support/api-fixtures';
import { tenantUrl } from '../support/stack';
import { signInOnTenant } from '../support/tenant-sign-in';

/**
 * Two browsers on one workspace: a change made in one appears in the other without a reload,
 * through the database's broadcasts on org:<id>:members and org:<id>:audit (migration
 * 20261202300000_live_members_audit.sql) and LiveRefresh's router.refresh().
 */
test.afterAll(closeAdminDb);

const LIVE = 'Live: changes appear as they happen';

/** Marks the document; the mark survives router.refresh() but not a reload or a full navigation. */
const markDocument = (page: Page) => page.evaluate(() => ((window as unknown as { liveMark: string }).liveMark = 'kept'));
const markKept = (page: Page) => page.evaluate(() => (window as unknown as { liveMark?: string }).liveMark === 'kept');

test('a role change in one browser shows in the other, on the members page and as a new audit entry', async ({ page, browser, shot }) => {
  test.setTimeout(120_000);
  const owner = await createConfirmedUser('live-owner', 'Olive Owner');
  const watcher = await createConfirmedUser('live-admin', 'Ada Admin');
  const target = await createConfirmedUser('live-target', 'Tom Target');
  const org = await createOrg('live', 'Livewire');
  await adminDb()`insert into public.memberships (org_id, user_id, role)
                  values (${org.id}, ${owner.id}, 'owner'), (${org.id}, ${watcher.id}, 'admin'), (${org.id}, ${target.id}, 'member')`;

  const other = await (await browser.newContext()).newPage();
  await signInOnTenant(page, org.slug, owner, '/members');
  await signInOnTenant(other, org.slug, watcher, '/members');
  for (const p of [page, other]) await expect(p.getByRole('status', { name: LIVE })).toBeVisible();
  const roleSelect = new WorkspacePage(other, org.slug).roleSelect(target.email);
  await expect(roleSelect).toHaveText('Member');
  await markDocument(other);

  // Members: the owner demotes the target; the admin's open page follows without a reload.
  await new WorkspacePage(page, org.slug).changeRole(target.email, 'viewer');
  await expect(roleSelect).toHaveText('Viewer');
  expect(await markKept(other)).toBe(true);
  await shot('01-members-live-other-browser', { page: other });

  // Audit log: the admin watches it while the owner promotes the target again.
  await other.goto(tenantUrl(org.slug, '/audit'));
  await expect(other.getByRole('status', { name: LIVE })).toBeVisible();
  const otherSpace = new WorkspacePage(other, org.slug);
  const entry = otherSpace.auditEntry(`changed ${target.name}’s role from viewer to admin`);
  await expect(otherSpace.auditEntry(`changed ${target.name}’s role from member to viewer`)).toBeVisible();
  await expect(entry).toHaveCount(0);
  await markDocument(other);

  await new WorkspacePage(page, org.slug).changeRole(target.email, 'admin');
  await expect(entry).toBeVisible();
  await expect(entry).toContainText(owner.name);
  expect(await markKept(other)).toBe(true);
  await shot('02-audit-live-other-browser', { page: other });
  await other.context().close();
});

test('a member without audit:read gets the live members page; the audit page stays closed to them', async ({ page }) => {
  const owner = await createConfirmedUser('live-owner2', 'Olive Owner');
  const viewer = await createConfirmedUser('live-viewer', 'Vic Viewer');
  const org = await createOrg('live2', 'Livewire Two');
  await adminDb()`insert into public.memberships (org_id, user_id, role)
                  values (${org.id}, ${owner.id}, 'owner'), (${org.id}, ${viewer.id}, 'viewer')`;
  await signInOnTenant(page, org.slug, viewer, '/members');
  await expect(page.getByRole('status', { name: LIVE })).toBeVisible();
  await page.goto(tenantUrl(org.slug, '/audit'));
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to the audit log' })).toBeVisible();
  await expect(page.getByRole('status', { name: LIVE })).toHaveCount(0);
});

test('with Realtime unreachable the members page still works and says updates are off', async ({ browser }) => {
  const owner = await createConfirmedUser('live-down', 'Dora Down');
  const org = await createOrg('live3', 'Livewire Three');
  await adminDb()`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${owner.id}, 'owner')`;
  const context = await browser.newContext();
  // Every Realtime socket is refused at once, as when the server is down.
  await context.routeWebSocket(/\/realtime\/v1\/websocket/, (ws) => ws.close({ code: 1011, reason: 'down' }));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await signInOnTenant(page, org.slug, owner, '/members');
  await expect(page.getByRole('status', { name: 'Live updates unavailable: reload to see new changes' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: owner.email })).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});
