import { expect, test } from '@playwright/test';
import { createConfirmedUser } from '../auth/fixtures';
import { NewOrganizationPage } from '../pages/new-organization.po';
import { WorkspacePage } from '../pages/workspace.po';
import { tenantUrl } from '../support/stack';

test('an owner renames the organization, moves it to a new subdomain, then deletes it', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const owner = await createConfirmedUser('settings-owner', 'Sam Settings');
  const first = `globex-${Date.now().toString(36)}`;
  const second = `${first}-2`;

  await page.goto('/sign-in?next=/new-organization');
  await page.getByLabel('Email', { exact: true }).fill(owner.email);
  await page.getByLabel('Password', { exact: true }).fill(owner.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const newOrg = new NewOrganizationPage(page);
  await expect(newOrg.heading).toBeVisible();
  await newOrg.fill('Globex', first);
  await newOrg.submit();
  await new WorkspacePage(page, first).expectOverview('Globex');

  // Rename and move to a new subdomain: the user follows to the new host, signed in.
  await page.goto(tenantUrl(first, '/settings'));
  await page.getByLabel('Name').fill('Globex Finance');
  await page.getByLabel('Subdomain').fill(second);
  await shot('01-settings');
  await page.getByRole('button', { name: 'Save changes' }).click();
  // The handoff lands on the settings page of the new host, signed in.
  await expect(page).toHaveURL(tenantUrl(second, '/settings'));
  await expect(page.getByLabel('Name')).toHaveValue('Globex Finance');
  const moved = new WorkspacePage(page, second);
  await moved.goto();
  await moved.expectOverview('Globex Finance');

  // The old address stops resolving at once.
  await page.goto(tenantUrl(first));
  await expect(page.getByRole('heading', { name: 'Workspace not found' })).toBeVisible();

  // Delete: the button stays disabled until the subdomain is typed.
  await page.goto(tenantUrl(second, '/settings'));
  await page.getByRole('button', { name: 'Delete organization' }).click();
  const dialog = page.getByRole('dialog');
  const confirm = dialog.getByRole('button', { name: 'Delete forever' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type .* to confirm/).fill(second);
  await shot('02-delete-dialog');
  await confirm.click();
  await expect(page).toHaveURL(/localhost:\d+\/\?notice=organization-deleted$/);
  await expect(page.getByRole('status').filter({ hasText: 'were deleted' })).toBeVisible();
  await page.goto(tenantUrl(second));
  await expect(page.getByRole('heading', { name: 'Workspace not found' })).toBeVisible();
});
