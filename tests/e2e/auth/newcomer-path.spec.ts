import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { CheckEmailPage } from '../pages/check-email.po';
import { LandingPage } from '../pages/landing.po';
import { NewOrganizationPage } from '../pages/new-organization.po';
import { SignInPage } from '../pages/sign-in.po';
import { SignUpPage } from '../pages/sign-up.po';
import { SiteHeader } from '../pages/site-header.po';
import { WorkspacePage } from '../pages/workspace.po';
import { WorkspacesPage } from '../pages/workspaces.po';
import { addMember, closeAdminDb, createOrg } from '../support/api-fixtures';
import { tenantUrl } from '../support/stack';
import { createConfirmedUser, expect, newPassword, test, uniqueEmail, type TestUser } from './fixtures';

/**
 * The newcomer's path on the apex (issue 10): the header knows a signed-in
 * visitor on every apex page, signing in without a return path opens "Your
 * workspaces" (or the one organization there is), and nothing is a dead end.
 */
test.afterAll(() => closeAdminDb());

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

async function signIn(page: Page, user: TestUser) {
  const form = new SignInPage(page);
  await form.goto();
  await form.signIn(user.email, user.password);
}

/** Serious and critical axe findings on the page as it is now (rule id and the first offending element). */
async function seriousAxeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ') ?? ''}`);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('signed in, the landing and new-organization pages show the avatar menu and "Your workspaces", not "Get started"', async ({ page, shot }) => {
  const user = await createConfirmedUser('header', 'Hana Header');
  await signIn(page, user);
  await new WorkspacesPage(page).expectSignedInAs(user.email);

  const header = new SiteHeader(page);
  const landing = new LandingPage(page);
  await landing.goto();
  await header.expectSignedIn(user.email);
  await expect(landing.createWorkspace).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('link', { name: 'Go to your workspaces' })).toHaveAttribute('href', '/workspaces');
  await page.setViewportSize(DESKTOP);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await shot('01-landing-signed-in');
  await page.setViewportSize(PHONE);
  await header.expectSignedIn(user.email);
  expect(await horizontalOverflow(page)).toBe(0);
  await shot('02-landing-signed-in-phone');
  await page.setViewportSize(DESKTOP);

  // The menu names the person and leads to their workspaces, account and sign-out.
  await header.accountMenu.click();
  const menu = page.getByRole('menu');
  await expect(menu).toContainText('Hana Header');
  await expect(menu).toContainText(user.email);
  await expect(menu.getByRole('menuitem')).toHaveText(['Your workspaces', 'Account', 'Sign out']);
  await shot('03-account-menu', { dark: false });
  await page.keyboard.press('Escape');

  await new NewOrganizationPage(page).goto();
  await header.expectSignedIn(user.email);
  await header.yourWorkspaces.click();
  await new WorkspacesPage(page).expectSignedInAs(user.email);

  // Signing out from the menu: the header offers sign-in again.
  await header.chooseFromMenu('Sign out');
  await expect(page).toHaveURL(/\/sign-in\?notice=signed-out$/);
  await landing.goto();
  await expect(header.getStarted).toBeVisible();
  await expect(header.accountMenu).toHaveCount(0);
});

test('"Your workspaces" lists every organization with its address and role, and "Open" signs in on its host', async ({ page, shot }) => {
  test.setTimeout(90_000);
  const user = await createConfirmedUser('several', 'Sam Several');
  const orgs = [await createOrg('atlas', 'Atlas Logistics'), await createOrg('birch', 'Birch Health'), await createOrg('cobalt', 'Cobalt Finance')];
  const roles = ['owner', 'admin', 'viewer'] as const;
  for (const [i, org] of orgs.entries()) await addMember(org, { id: user.id, email: user.email, token: '' }, roles[i]!);

  await signIn(page, user);
  const workspaces = new WorkspacesPage(page);
  await workspaces.expectSignedInAs(user.email);
  await expect(workspaces.list.getByRole('listitem')).toHaveCount(3);
  for (const [i, org] of orgs.entries()) {
    const row = workspaces.row(org.name);
    await expect(row).toContainText(`${org.slug}.localhost:`);
    await expect(row).toContainText(new RegExp(roles[i]!, 'i'));
  }
  await expect(workspaces.createOrganization).toHaveText('Create another organization');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await shot('01-your-workspaces');
  await page.setViewportSize(PHONE);
  expect(await horizontalOverflow(page)).toBe(0);
  await shot('02-your-workspaces-phone');
  await page.setViewportSize(DESKTOP);

  await workspaces.open('Birch Health');
  await expect(page).toHaveURL(tenantUrl(orgs[1]!.slug, '/'), { timeout: 30_000 });
  await new WorkspacePage(page, orgs[1]!.slug).expectOverview('Birch Health');

  // "Create another organization" leads to the form on the apex.
  await workspaces.goto();
  await workspaces.createOrganization.click();
  await expect(new NewOrganizationPage(page).heading).toBeVisible();
});

test('someone with exactly one organization goes straight into it after signing in', async ({ page }) => {
  const user = await createConfirmedUser('single');
  const org = await createOrg('solo', 'Solo Studio');
  await addMember(org, { id: user.id, email: user.email, token: '' }, 'member');
  await signIn(page, user);
  // Three hops (sign-in, "Your workspaces", the handoff on the organization's host): allow for a busy machine.
  await expect(page).toHaveURL(tenantUrl(org.slug, '/'), { timeout: 30_000 });
  await new WorkspacePage(page, org.slug).expectOverview('Solo Studio');

  // Asked for by name, the page still lists that one organization (with the way to create another).
  await page.goto('/workspaces');
  await expect(new WorkspacesPage(page).row('Solo Studio')).toBeVisible();
});

test('with no organization yet, "Your workspaces" says so and leads to creating one', async ({ page, shot }) => {
  const user = await createConfirmedUser('empty');
  await signIn(page, user);
  const workspaces = new WorkspacesPage(page);
  await workspaces.expectSignedInAs(user.email);
  await expect(workspaces.emptyState).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await shot('01-your-workspaces-empty');
  await page.setViewportSize(PHONE);
  expect(await horizontalOverflow(page)).toBe(0);
  await shot('02-your-workspaces-empty-phone');
  await page.setViewportSize(DESKTOP);
  await expect(workspaces.createOrganization).toHaveText('Create an organization');
  await workspaces.createOrganization.click();
  await expect(new NewOrganizationPage(page).heading).toBeVisible();
});

test('check your email: a long address stays whole on its own line at 390 px, with no sideways scroll', async ({ page, shot }) => {
  await page.setViewportSize(PHONE);
  const email = uniqueEmail('someone-with-a-rather-long-name.and-a-department');
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.signUp({ email, password: newPassword() });
  await new CheckEmailPage(page).expectFor(email);
  expect(await horizontalOverflow(page)).toBe(0);
  // The address box is inside the card.
  const card = await page.getByRole('main').locator('div.rounded-lg').first().boundingBox();
  const address = await page.getByRole('main').getByText(email).boundingBox();
  expect(card && address && address.x >= card.x && address.x + address.width <= card.x + card.width).toBe(true);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await shot('01-check-email-phone');
});
