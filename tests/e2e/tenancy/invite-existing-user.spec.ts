import { expect, test } from '@playwright/test';
import { createConfirmedUser } from '../auth/fixtures';
import { NewOrganizationPage } from '../pages/new-organization.po';
import { WorkspacePage } from '../pages/workspace.po';
import { waitForMail } from '../support/mailbox';

test('an existing user accepts an invitation by signing in on the tenant host', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const owner = await createConfirmedUser('inv-owner', 'Ines Owner');
  const guest = await createConfirmedUser('inv-guest', 'Gus Guest');
  const slug = `initech-${Date.now().toString(36)}`;

  await page.goto('/sign-in?next=/new-organization');
  await page.getByLabel('Email', { exact: true }).fill(owner.email);
  await page.getByLabel('Password', { exact: true }).fill(owner.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const newOrg = new NewOrganizationPage(page);
  await newOrg.fill('Initech', slug);
  await newOrg.submit();
  const ownerSpace = new WorkspacePage(page, slug);
  await ownerSpace.expectOverview('Initech');
  await ownerSpace.goto('/members');
  await ownerSpace.invite(guest.email, 'admin');

  const guestPage = await (await browser.newContext()).newPage();
  const mail = await waitForMail(guest.email);
  const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  expect(link).toBeTruthy();
  await guestPage.goto(link!);
  await guestPage.getByRole('link', { name: 'I already have an account' }).click();
  await expect(guestPage.getByRole('heading', { level: 1, name: /Sign in/ })).toBeVisible();
  await guestPage.getByLabel('Email', { exact: true }).fill(guest.email);
  await guestPage.getByLabel('Password', { exact: true }).fill(guest.password);
  await guestPage.getByRole('button', { name: 'Sign in', exact: true }).click();
  await guestPage.getByRole('button', { name: 'Join Initech' }).click();
  await new WorkspacePage(guestPage, slug).expectOverview('Initech');
  await expect(guestPage.getByText('You joined Initech')).toBeVisible();
  await guestPage.screenshot({ path: testInfo.outputPath('joined.png') });

  // The link works once.
  await guestPage.goto(link!);
  await expect(guestPage.getByText('This invitation was already used.')).toBeVisible();

  // The guest is an admin now: the members page offers invitations.
  await new WorkspacePage(guestPage, slug).goto('/members');
  await expect(guestPage.getByRole('button', { name: 'Invite member' })).toBeVisible();
});
