import { expect, test } from '@playwright/test';
import { newPassword, uniqueEmail } from '../auth/fixtures';
import { NewOrganizationPage } from '../pages/new-organization.po';
import { WorkspacePage } from '../pages/workspace.po';
import { listMail, waitForMail } from '../support/mailbox';
import { tenantUrl } from '../support/stack';

const slug = `acme-${Date.now().toString(36)}`;

test('a founder creates acme, invites a member who joins, demotes them to viewer, and the audit log shows it all', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const shot = (p = page, name: string) => p.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const owner = { email: uniqueEmail('owner'), password: newPassword() };

  // 1. Sign up on the apex and confirm from the mailbox.
  await page.goto('/sign-up?next=/new-organization');
  await page.getByLabel('Your name').fill('Olivia Owner');
  await page.getByLabel('Work email').fill(owner.email);
  await page.getByLabel('Password', { exact: true }).fill(owner.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const confirm = await waitForMail(owner.email, { kind: 'signup' });
  await page.goto(confirm.action_link);

  // 2. Create the organization: live slug check, then land on the tenant host signed in.
  const newOrg = new NewOrganizationPage(page);
  await expect(newOrg.heading).toBeVisible();
  await newOrg.fill('Acme Health', 'www');
  await expect(newOrg.slugStatus()).toContainText('reserved');
  await newOrg.fill('Acme Health', slug);
  await expect(newOrg.slugStatus()).toContainText('is available');
  await shot(page, '01-new-organization');
  await newOrg.submit();
  const ownerSpace = new WorkspacePage(page, slug);
  await ownerSpace.expectOverview('Acme Health');
  await shot(page, '02-workspace-overview');

  // 3. Invite a member.
  const memberEmail = uniqueEmail('member');
  await ownerSpace.goto('/members');
  await ownerSpace.invite(memberEmail, 'member');
  await shot(page, '03-members-with-invitation');

  // 4. The member accepts from the mailbox: signs up on the tenant host and is in at once
  //    (following the emailed link proved the address: no second confirmation email).
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  const invite = await waitForMail(memberEmail);
  const inviteLink = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(invite.text)?.[0];
  expect(inviteLink, 'the invitation email holds a link').toBeTruthy();
  await memberPage.goto(inviteLink!);
  await expect(memberPage.getByRole('heading', { name: 'Join Acme Health' })).toBeVisible();
  await shot(memberPage, '04-invitation');
  await memberPage.getByRole('link', { name: 'Create an account to accept' }).click();
  await expect(memberPage.getByLabel('Work email')).toHaveValue(memberEmail);
  await memberPage.getByLabel('Password', { exact: true }).fill(newPassword());
  await memberPage.getByRole('button', { name: 'Create account' }).click();
  const memberSpace = new WorkspacePage(memberPage, slug);
  await memberSpace.expectOverview('Acme Health');
  expect((await listMail(memberEmail)).map((mail) => mail.kind)).not.toContain('signup');

  // 5. The owner makes them a viewer.
  await page.reload();
  await expect(ownerSpace.memberRow(memberEmail)).toBeVisible();
  await ownerSpace.changeRole(memberEmail, 'viewer');
  await shot(page, '05-member-made-viewer');

  // 6. The viewer cannot invite: no button, and the API refuses.
  await memberSpace.goto('/members');
  await expect(memberPage.getByRole('heading', { name: 'Members' })).toBeVisible();
  await expect(memberSpace.inviteButton).toHaveCount(0);
  await shot(memberPage, '06-viewer-members');
  // The viewer's own browser calls the API (same origin, their session cookie).
  const refused = await memberPage.evaluate(async (email) => {
    const response = await fetch('/api/admin/users', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, role: 'viewer' }),
    });
    return { status: response.status, body: (await response.json()) as { error?: { code?: string } } };
  }, uniqueEmail('sneaky'));
  expect(refused.status).toBe(403);
  expect(refused.body.error?.code).toBe('forbidden');

  // 7. The audit log tells each step in words.
  await ownerSpace.goto('/audit');
  for (const sentence of [
    'Olivia Owner created the organization Acme Health',
    `Olivia Owner invited ${memberEmail} as member`,
    `${memberEmail} joined as member`,
    `Olivia Owner changed ${memberEmail}’s role from member to viewer`,
  ]) {
    await expect(ownerSpace.auditEntry(sentence).first()).toBeVisible();
  }
  await ownerSpace.filterAuditByAction('Role changed');
  await expect(ownerSpace.auditEntries()).toHaveCount(1);
  await expect(ownerSpace.auditEntry('changed')).toHaveCount(1);
  await expect(ownerSpace.auditEntry('created the organization')).toHaveCount(0);
  await shot(page, '07-audit-log');
  await memberContext.close();
});

test('an unknown subdomain shows the branded "workspace not found" page, with status 404', async ({ page }, testInfo) => {
  const response = await page.goto(tenantUrl('no-such-workspace-x'));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Workspace not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to Tenantforge' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('workspace-not-found.png') });
});
