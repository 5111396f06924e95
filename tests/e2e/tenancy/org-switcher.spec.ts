import { expect, test } from '@playwright/test';
import { createConfirmedUser } from '../auth/fixtures';
import { NewOrganizationPage } from '../pages/new-organization.po';
import { WorkspacePage } from '../pages/workspace.po';
import { tenantUrl } from '../support/stack';

test('a member of two organizations switches between their hosts, signed in on each', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const user = await createConfirmedUser('switcher', 'Sasha Switch');
  const stamp = Date.now().toString(36);
  const [first, second] = [`north-${stamp}`, `south-${stamp}`];

  await page.goto('/sign-in?next=/new-organization');
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const newOrg = new NewOrganizationPage(page);
  await newOrg.fill('North Co', first);
  await newOrg.submit();
  await new WorkspacePage(page, first).expectOverview('North Co');

  // "Create an organization" goes back to the apex, where the session from before still holds.
  await page.getByRole('button', { name: /Switch organization/ }).click();
  await page.getByRole('menuitem', { name: 'Create an organization' }).click();
  await expect(newOrg.heading).toBeVisible();
  await newOrg.fill('South Co', second);
  await newOrg.submit();
  await new WorkspacePage(page, second).expectOverview('South Co');

  // The switcher lists both; choosing North opens its host, signed in through a handoff code.
  await page.getByRole('button', { name: /Switch organization/ }).click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: /North Co/ })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: /South Co/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('switcher.png') });
  await menu.getByRole('menuitem', { name: /North Co/ }).click();
  await new WorkspacePage(page, first).expectOverview('North Co');

  // Signing out from the user menu ends this host's session only.
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Sign in/ })).toBeVisible();
  await page.goto(tenantUrl(first));
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.goto(tenantUrl(second));
  await new WorkspacePage(page, second).expectOverview('South Co');
});
