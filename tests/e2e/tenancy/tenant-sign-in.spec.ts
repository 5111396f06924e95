import AxeBuilder from '@axe-core/playwright';
import { send } from '../api/client';
import { AccountPage } from '../pages/account.po';
import { SignInPage } from '../pages/sign-in.po';
import { SiteHeader } from '../pages/site-header.po';
import { WorkspacePage } from '../pages/workspace.po';
import { addMember, closeAdminDb, createOrg } from '../support/api-fixtures';
import { tenantUrl } from '../support/stack';
import { createConfirmedUser, expect, test } from '../auth/fixtures';

test.afterAll(() => closeAdminDb());

/**
 * A tenant host's sign-in page is the organization's own: its name and mark,
 * no Tenantforge marketing ("Sign in / Get started", "Create an account").
 * Signing out of a workspace and back in returns to that workspace.
 */
test('the tenant sign-in page shows the organization, not the marketing links; signing out and in again returns to the workspace', async ({ page, shot }) => {
  const user = await createConfirmedUser('tenant-brand', 'Bea Brand');
  const org = await createOrg('brand', 'Northwind Clinics');
  await addMember(org, { id: user.id, email: user.email, token: '' }, 'admin');

  await page.goto(tenantUrl(org.slug, '/sign-in'));
  const signIn = new SignInPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Northwind Clinics' })).toBeVisible();
  const header = new SiteHeader(page);
  await expect(header.brand('Northwind Clinics')).toBeVisible();
  await expect(header.banner.getByRole('link', { name: 'Tenantforge' })).toHaveCount(0);
  await expect(header.getStarted).toHaveCount(0);
  await expect(header.signIn).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Get started|Create an account|Create your workspace/ })).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText('Ask one of its admins to invite you');
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await shot('01-tenant-sign-in');
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await shot('02-tenant-sign-in-phone');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Without a return path, signing in on the tenant host opens the workspace.
  await signIn.signIn(user.email, user.password);
  const workspace = new WorkspacePage(page, org.slug);
  await workspace.expectOverview('Northwind Clinics');

  // Signed out of the workspace, and back in: the workspace again, not a dead end.
  await page.goto(tenantUrl(org.slug, '/account'));
  const account = new AccountPage(page);
  await account.expectSignedInAs(user.email);
  await expect(header.brand('Northwind Clinics')).toBeVisible();
  await account.signOut();
  await expect(signIn.notice).toHaveText('You are signed out.');
  await signIn.signIn(user.email, user.password);
  await workspace.expectOverview('Northwind Clinics');
});

test('an invitation link leads to a branded sign-up that keeps the way back', async ({ page }) => {
  const org = await createOrg('brand-inv', 'Harbor Freight Co');
  await page.goto(tenantUrl(org.slug, `/sign-in?next=${encodeURIComponent(`/invite/${'A'.repeat(43)}`)}`));
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Harbor Freight Co' })).toBeVisible();
  await page.getByRole('link', { name: 'Create one to accept the invitation' }).click();
  await expect(page).toHaveURL(tenantUrl(org.slug, `/sign-up?next=%2Finvite%2F${'A'.repeat(43)}`));
  await expect(new SiteHeader(page).brand('Harbor Freight Co')).toBeVisible();
  await expect(new SiteHeader(page).getStarted).toHaveCount(0);
});

test('favicon, app icons and the web manifest answer on the apex, on tenant hosts and on unknown subdomains', async ({ page }) => {
  const org = await createOrg('icons');
  const hosts = [null, org.slug, 'no-such-workspace-icons'];
  const files = [
    ['/favicon.ico', /^image\/(x-icon|vnd\.microsoft\.icon)$/],
    ['/icon', /^image\/png$/],
    ['/apple-icon', /^image\/png$/],
    ['/manifest.webmanifest', /^application\/manifest\+json/],
  ] as const;
  for (const slug of hosts) {
    for (const [path, type] of files) {
      const response = await send({ slug, method: 'GET', path });
      expect(response.status, `${slug ?? 'apex'} ${path}`).toBe(200);
      expect(response.headers['content-type'], `${slug ?? 'apex'} ${path}`).toMatch(type);
    }
  }
  // Pages link them.
  await page.goto(tenantUrl(org.slug, '/sign-in'));
  await expect(page.locator('head link[rel="icon"]').first()).toHaveAttribute('href', /^\/(icon|favicon\.ico)/);
  await expect(page.locator('head link[rel="apple-touch-icon"]')).toHaveAttribute('href', /^\/apple-icon/);
  await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
});
