import { createConfirmedUser, expect, test } from '../auth/fixtures';
import { WorkspacePage } from '../pages/workspace.po';
import { adminDb, closeAdminDb, createOrg } from '../support/api-fixtures';
import { e2eStack, tenantUrl } from '../support/stack';
import { atPhoneWidth, overflowsSideways } from '../support/viewport';

/**
 * The workspace home: the organization's full address, people at a glance, recent
 * activity in words, and a "Get started" checklist that follows the data and, once
 * dismissed, stays away for that member only.
 */
test.afterAll(closeAdminDb);

test('the owner sees the address, people at a glance, and a checklist that follows the data and stays dismissed', async ({ page, browser, shot }) => {
  test.setTimeout(120_000);
  const owner = await createConfirmedUser('home-owner', 'Hana Owner');
  const admin = await createConfirmedUser('home-admin', 'Ari Admin');
  const org = await createOrg('home', 'Harbor Labs');
  await adminDb()`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${owner.id}, 'owner')`;
  await new WorkspacePage(page, org.slug).signIn(owner);
  const home = new WorkspacePage(page, org.slug);
  await home.expectOverview('Harbor Labs');

  // The full address, as a link to the workspace.
  const host = `${org.slug}.${e2eStack().rootDomain}`;
  await expect(page.getByRole('link', { name: host, exact: true })).toHaveAttribute('href', `http://${host}`);

  // People at a glance; the checklist has one step left.
  const people = page.getByRole('region', { name: 'People' });
  await expect(people.getByTestId('member-count')).toHaveText('1 member');
  await expect(people).toContainText('No pending invitations');
  const checklist = page.getByRole('region', { name: 'Get started' });
  await expect(checklist).toContainText('1 of 2 done');
  const inviteStep = checklist.getByRole('listitem').filter({ hasText: 'Invite a teammate' });
  await expect(inviteStep.getByText('Done', { exact: true })).toHaveCount(0);
  await expect(inviteStep.getByRole('link', { name: 'Invite' })).toHaveAttribute('href', '/members');
  const activity = page.getByRole('region', { name: 'Recent activity' });
  await expect(activity.getByRole('listitem').first()).toContainText('joined as owner');
  await shot('01-home-new-organization');

  // An invitation marks the step done and shows up at a glance and in the activity.
  const invitee = `teammate-${Date.now().toString(36)}@example.com`;
  await home.goto('/members');
  await home.invite(invitee, 'member');
  await home.goto('/');
  const done = page.getByRole('region', { name: 'You’re all set' });
  await expect(done.getByRole('listitem').filter({ hasText: 'Invite a teammate' }).getByText('Done', { exact: true })).toBeVisible();
  await expect(done.getByRole('progressbar', { name: 'Setup progress' })).toHaveAttribute('aria-valuenow', '2');
  await expect(people).toContainText('1 pending invitation');
  await expect(people).toContainText(invitee);
  await expect(activity.getByRole('listitem').first()).toContainText(`Hana Owner invited ${invitee} as member`);
  await shot('02-home-checklist-done');
  await atPhoneWidth(page, async () => {
    expect(await overflowsSideways(page)).toBe(false);
    await shot('03-home-phone');
  });

  // Dismissed: gone now and after a reload, for this member only.
  await done.getByRole('button', { name: 'Dismiss' }).click();
  await expect(done).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Harbor Labs' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Get started|You’re all set/ })).toHaveCount(0);
  await adminDb()`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${admin.id}, 'admin')`;
  const adminPage = await (await browser.newContext()).newPage();
  await new WorkspacePage(adminPage, org.slug).signIn(admin);
  await expect(adminPage.getByRole('region', { name: 'You’re all set' })).toBeVisible();
  await expect(adminPage.getByRole('region', { name: 'People' }).getByTestId('member-count')).toHaveText('2 members');
  await adminPage.context().close();
});

test('a viewer sees the address and people, without invitations, activity or a checklist', async ({ page }) => {
  const owner = await createConfirmedUser('home-owner2', 'Omar Owner');
  const viewer = await createConfirmedUser('home-viewer', 'Vera Viewer');
  const org = await createOrg('home2', 'Quiet Co');
  await adminDb()`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${owner.id}, 'owner'), (${org.id}, ${viewer.id}, 'viewer')`;
  await new WorkspacePage(page, org.slug).signIn(viewer);
  await new WorkspacePage(page, org.slug).expectOverview('Quiet Co');
  await expect(page.getByRole('link', { name: `${org.slug}.${e2eStack().rootDomain}`, exact: true })).toBeVisible();
  const people = page.getByRole('region', { name: 'People' });
  await expect(people.getByTestId('member-count')).toHaveText('2 members');
  await expect(people.getByRole('link', { name: 'View all' })).toHaveAttribute('href', '/members');
  await expect(people).not.toContainText('invitation');
  await expect(page.getByRole('region', { name: 'Your access' })).toContainText('viewer');
  for (const hidden of ['Recent activity', 'Get started', 'You’re all set']) {
    await expect(page.getByRole('region', { name: hidden })).toHaveCount(0);
  }
  await expect(page.getByRole('link', { name: 'Invite people' })).toHaveCount(0);
});

test('the demo organization’s home shows its recent history in words', async ({ page, shot }) => {
  await new WorkspacePage(page, 'acme').signIn({ email: 'owner@acme.test', password: 'tenantforge-demo' });
  await new WorkspacePage(page, 'acme').expectOverview('Acme Health');
  const activity = page.getByRole('region', { name: 'Recent activity' });
  await expect(activity.getByRole('listitem')).toHaveCount(8);
  await expect(activity.getByRole('listitem').first()).toContainText('Olivia Owner invited leo@northwind.test as viewer');
  await expect(activity.getByRole('link', { name: 'View all' })).toHaveAttribute('href', '/audit');
  await expect(page.getByRole('region', { name: 'People' })).toContainText('2 pending invitations');
  await expect(page.getByRole('region', { name: 'People' }).getByTestId('member-count')).toHaveText('4 members');
  await shot('demo-home');
  await atPhoneWidth(page, async () => {
    expect(await overflowsSideways(page)).toBe(false);
    await shot('demo-home-phone');
  });
  expect(page.url()).toBe(tenantUrl('acme', '/'));
});
