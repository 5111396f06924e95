import { type Browser } from '@playwright/test';
import { createConfirmedUser, expect, test } from '../auth/fixtures';
import { ApprovalsPage } from '../pages/approvals.po';
import { WorkspacePage } from '../pages/workspace.po';
import { adminDb, closeAdminDb, createOrg } from '../support/api-fixtures';
import { waitForMail } from '../support/mailbox';
import { tenantUrl } from '../support/stack';
import { signInOnTenant } from '../support/tenant-sign-in';

/**
 * Approvals in the browser: a sign-off asked in the app, emailed to an approver, decided from
 * the email's link without signing in, seen as approved by the requester; and a role change the
 * organization's policy holds until an owner approves it.
 */
test.afterAll(closeAdminDb);

async function team(tag: string) {
  const owner = await createConfirmedUser(`${tag}-owner`, 'Olive Owner');
  const admin = await createConfirmedUser(`${tag}-admin`, 'Ada Admin');
  const member = await createConfirmedUser(`${tag}-member`, 'Max Member');
  const org = await createOrg(tag, 'Approvia');
  await adminDb()`insert into public.memberships (org_id, user_id, role)
                  values (${org.id}, ${owner.id}, 'owner'), (${org.id}, ${admin.id}, 'admin'), (${org.id}, ${member.id}, 'member')`;
  return { owner, admin, member, org };
}

const statusOf = async (subject: string) =>
  (await adminDb()<{ status: string }[]>`select status from public.approval_requests where subject = ${subject}`)[0]?.status;

async function freshPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test('a sign-off is asked, emailed, decided from the link without signing in, and the requester sees it approved', async ({ page, browser, shot }) => {
  test.setTimeout(120_000);
  const { admin, member, org } = await team('signoff');
  const subject = `Publish the spring price list ${Date.now().toString(36)}`;
  await signInOnTenant(page, org.slug, member, '/approvals');
  const inbox = new ApprovalsPage(page, org.slug);
  await expect(page.getByText('Nothing waits for you')).toBeVisible();
  await shot('01-inbox-empty');
  await inbox.askForSignOff(subject, 'Prices go up 4% on 1 April.');
  await expect(inbox.status).toHaveText('Pending');
  await shot('02-request-pending');

  const mail = await waitForMail(admin.email, { timeoutMs: 20_000 });
  expect(mail.subject).toBe(`Approval needed: ${subject}`);
  const approveLink = new URL(mail.action_link);
  expect(approveLink.pathname).toMatch(/^\/approval-link\/[A-Za-z0-9_-]{43}$/);

  // The approver opens the link in a browser where nobody is signed in.
  const stranger = await freshPage(browser);
  await stranger.goto(tenantUrl(org.slug, `${approveLink.pathname}${approveLink.search}`));
  await expect(stranger.getByRole('heading', { name: subject })).toBeVisible();
  await expect(stranger.getByText('Prices go up 4% on 1 April.')).toBeVisible();
  expect(await statusOf(subject)).toBe('pending'); // opening the link changed nothing
  await shot('03-link-confirmation', { page: stranger });
  await new ApprovalsPage(stranger, org.slug).decide('Approve', 'Go ahead.');
  await expect(stranger.getByText('Approved. Thank you.').first()).toBeVisible();
  expect(await statusOf(subject)).toBe('approved');
  await shot('04-link-decided', { page: stranger });

  // The link works once.
  await stranger.reload();
  await expect(stranger.getByText('This link was already used.')).toBeVisible();
  await stranger.context().close();

  // The requester's open page follows live.
  await expect(inbox.status).toHaveText('Approved');
  await expect(inbox.history().filter({ hasText: 'Ada Admin approved' })).toContainText('Go ahead.');
  await expect(inbox.history().filter({ hasText: 'The request was approved' })).toHaveCount(1);
  await shot('05-request-approved');
  // …and is notified: the decision reaches the requester's bell (in-app notification, live).
  await expect(page.getByTestId('notification-bell').first()).toHaveAccessibleName('Notifications, 1 unread', { timeout: 30_000 });
  await inbox.gotoInbox('mine');
  await expect(inbox.request(subject)).toContainText('Approved');
  await shot('06-inbox-requested-by-me');
});

test('a role change held for approval is applied once an owner approves it', async ({ page, browser, shot }) => {
  test.setTimeout(120_000);
  const { owner, admin, member, org } = await team('held');
  await signInOnTenant(page, org.slug, owner, '/approvals/policies');
  const policy = page.getByRole('form', { name: 'Role changes policy' });
  await policy.getByLabel('Needs approval').check();
  await policy.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByText('Policy saved.').first()).toBeVisible();
  await shot('01-policies');

  const adminPage = await freshPage(browser);
  await signInOnTenant(adminPage, org.slug, admin, '/members');
  const members = new WorkspacePage(adminPage, org.slug);
  await members.roleSelect(member.email).click();
  await adminPage.getByRole('option', { name: 'Admin', exact: true }).click();
  await expect(adminPage.getByText('Waiting for approval: the role changes once the request is approved.').first()).toBeVisible();
  await expect(members.roleSelect(member.email)).toHaveText('Member');
  const waiting = adminPage.getByRole('region', { name: 'Role changes waiting for approval' });
  await expect(waiting.getByRole('link', { name: 'Make Max Member an admin' })).toBeVisible();
  await shot('02-members-waiting', { page: adminPage });

  const inbox = new ApprovalsPage(page, org.slug);
  await inbox.gotoInbox('waiting');
  const row = inbox.request('Make Max Member an admin');
  await expect(row).toContainText('Waiting for you');
  await shot('03-owner-inbox');
  await row.getByRole('link').click();
  await expect(page.getByText('member → admin')).toBeVisible();
  await inbox.decide('Approve');
  await expect(inbox.status).toHaveText('Approved');
  const [row2] = await adminDb()<{ role: string }[]>`select role from public.memberships where org_id = ${org.id} and user_id = ${member.id}`;
  expect(row2?.role).toBe('admin');
  await shot('04-role-change-approved');
  await expect(members.roleSelect(member.email)).toHaveText('Admin');
  await expect(waiting).toHaveCount(0);
  await adminPage.context().close();
});
