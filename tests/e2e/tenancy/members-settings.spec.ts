import type { Page } from '@playwright/test';
import { createConfirmedUser, expect, test, type TestUser } from '../auth/fixtures';
import { WorkspacePage } from '../pages/workspace.po';
import { adminDb, closeAdminDb, createOrg, type ApiOrg } from '../support/api-fixtures';
import { e2eStack, tenantUrl } from '../support/stack';

/**
 * The members and settings screens as people use them: on a phone without sideways
 * scrolling, forms that put errors at their fields, a role changed by keyboard, the
 * sole owner's "Leave" disabled with its reason, and the real wait on a rate limit.
 */
test.afterAll(closeAdminDb);

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

/** Pixels the page scrolls sideways (0 when it fits its viewport). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function orgWith(owner: TestUser, others: [TestUser, 'admin' | 'member' | 'viewer'][]): Promise<ApiOrg> {
  const org = await createOrg('kit', 'Kestrel Labs');
  await adminDb()`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${owner.id}, 'owner')`;
  for (const [user, role] of others) {
    await adminDb()`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${user.id}, ${role})`;
  }
  return org;
}

test('members: fits a phone, roles as badges and selects, a role changed by keyboard', async ({ page, shot }) => {
  test.setTimeout(120_000);
  const owner = await createConfirmedUser('kit-owner', 'Olivia Owner');
  const member = await createConfirmedUser('kit-member-with-a-rather-long-address', 'Maximilian Longname-Member');
  const viewer = await createConfirmedUser('kit-viewer', 'Vera Viewer');
  const org = await orgWith(owner, [[member, 'member'], [viewer, 'viewer']]);
  const space = new WorkspacePage(page, org.slug);

  await page.setViewportSize(phone);
  await space.signIn(owner, '/members');
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await expect(space.memberRow(viewer.email)).toBeVisible();
  expect(await sidewaysOverflow(page), 'the members page scrolls sideways at 390px').toBeLessThanOrEqual(0);
  // The row menu stays on screen: its button is inside the viewport.
  const menuButton = space.memberRow(member.email).getByRole('button', { name: `Actions for ${member.email}` });
  const box = await menuButton.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(phone.width);
  await menuButton.click();
  await expect(page.getByRole('menuitem', { name: 'Remove from organization' })).toBeVisible();
  await page.keyboard.press('Escape');
  await shot('01-members-phone');

  await page.setViewportSize(desktop);
  // The owner's own row shows the role as a badge; others get a select.
  await expect(space.memberRow(owner.email).getByText('Owner', { exact: true })).toBeVisible();
  await expect(space.memberRow(owner.email).getByRole('combobox')).toHaveCount(0);
  await shot('02-members-desktop');

  // Sorting by join date: the header link says what it does on keyboard focus (a tooltip).
  const joined = space.memberTable.getByRole('link', { name: 'Joined' });
  await joined.focus();
  await expect(page.getByRole('tooltip')).toHaveText('Sort by joined, descending');
  await joined.click();
  await expect(page).toHaveURL(/\?order=desc$/);
  await expect(space.memberTable.getByRole('columnheader', { name: 'Joined' })).toHaveAttribute('aria-sort', 'descending');
  await expect(space.memberTable.getByRole('row').nth(1)).toContainText(viewer.email);

  // Keyboard only: focus the select, open it, move to the next role, pick it.
  const select = space.roleSelect(member.email);
  await expect(select).toHaveText('Member');
  await select.focus();
  await page.keyboard.press('Enter');
  const listbox = page.getByRole('listbox');
  await expect(listbox).toBeVisible();
  await expect(listbox.getByRole('option', { name: 'Member', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(listbox.getByRole('option', { name: 'Viewer', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(listbox).toBeHidden();
  await expect(select).toBeFocused();
  await expect(page.getByText('Role changed.').first()).toBeVisible();
  const [saved] = await adminDb()<{ role: string }[]>`
    select role from public.memberships where org_id = ${org.id} and user_id = ${member.id}`;
  expect(saved?.role).toBe('viewer');
  await page.reload();
  await expect(space.roleSelect(member.email)).toHaveText('Viewer');

  // A search that matches nobody says so, with a way back.
  await page.getByLabel('Search members').fill('nobody-at-all');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText('No member matches “nobody-at-all”')).toBeVisible();
  await page.getByRole('link', { name: 'Clear the search' }).click();
  await expect(space.memberRow(viewer.email)).toBeVisible();

  // Row menu by keyboard: open it, pick "Remove", cancel with Escape, then confirm for real.
  const actions = space.memberRow(viewer.email).getByRole('button', { name: `Actions for ${viewer.email}` });
  await actions.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Remove from organization' })).toBeFocused();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Remove Vera Viewer?' });
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(actions).toBeFocused();
  await actions.click();
  await page.getByRole('menuitem', { name: 'Remove from organization' }).click();
  await confirm.getByRole('button', { name: 'Remove member' }).click();
  await expect(page.getByText('Member removed.').first()).toBeVisible();
  await expect(space.memberRow(viewer.email)).toHaveCount(0);
});

test('invite: an empty invite marks the email field; a duplicate too; a rate limit says the real wait', async ({ page, shot }) => {
  test.setTimeout(120_000);
  const owner = await createConfirmedUser('kit-inviter', 'Ines Inviter');
  const member = await createConfirmedUser('kit-existing', 'Ed Existing');
  const org = await orgWith(owner, [[member, 'member']]);
  const space = new WorkspacePage(page, org.slug);
  await space.signIn(owner, '/members');

  await space.inviteButton.click();
  const dialog = space.inviteDialog;
  await space.choose(dialog.getByRole('combobox', { name: 'Role' }), 'Admin');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  const email = dialog.getByLabel('Email address');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Enter a valid email address.');
  await expect(email).toBeFocused();
  // At the field only: no banner, and never the raw "email: …" form.
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog).not.toContainText('email:');
  // The role chosen before the failed submit is kept.
  await expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveText('Admin');
  await shot('03-invite-empty');

  await email.fill(member.email);
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(email).toHaveAccessibleDescription('That person is already a member.');
  await expect(email).toHaveValue(member.email);

  // The invitation limit (per account) is used up for the next 100 seconds.
  await adminDb()`
    insert into private.rate_limit_counters (bucket, subject_hash, window_ends_at, hits)
    values ('invitation:account', sha256(convert_to(${owner.id}, 'UTF8')), now() + interval '100 seconds', 50)
    on conflict (bucket, subject_hash) do update set hits = 50, window_ends_at = excluded.window_ends_at`;
  await email.fill('new-person@example.com');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Too many invitations sent. Try again in 2 minutes.');
  await expect(email).not.toHaveAttribute('aria-invalid');
  await page.setViewportSize(phone);
  await shot('04-invite-rate-limited-phone');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Opened again, the dialog starts clean.
  await space.inviteButton.click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByLabel('Email address')).toHaveValue('');
});

test('settings: the sole owner cannot leave and is told why; the full address; transfer laid out and checked', async ({ page, shot }) => {
  test.setTimeout(120_000);
  const owner = await createConfirmedUser('kit-sole', 'Sol Owner');
  const admin = await createConfirmedUser('kit-admin', 'Adi Admin');
  const org = await orgWith(owner, [[admin, 'admin']]);
  const space = new WorkspacePage(page, org.slug);
  await space.signIn(owner, '/settings');

  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const leave = page.getByRole('button', { name: 'Leave organization' });
  await expect(leave).toBeDisabled();
  await expect(leave).toHaveAccessibleDescription(
    'You are the only owner. Transfer ownership to another member first, or delete the organization.',
  );
  // The real address, never a placeholder.
  await expect(page.getByText(`${org.slug}.${e2eStack().rootDomain}`, { exact: true })).toBeVisible();
  await expect(page.getByText('<subdomain>')).toHaveCount(0);

  // "New owner" sits above its select, not beside it.
  const select = page.getByRole('combobox', { name: 'New owner' });
  const labelBox = await page.getByText('New owner', { exact: true }).boundingBox();
  const selectBox = await select.boundingBox();
  expect(labelBox!.y + labelBox!.height).toBeLessThanOrEqual(selectBox!.y);
  // Unconfirmed: the error is at the checkbox.
  await page.getByRole('button', { name: 'Transfer ownership' }).click();
  const confirm = page.getByRole('checkbox', { name: /I understand/ });
  await expect(confirm).toHaveAttribute('aria-invalid', 'true');
  await expect(confirm).toHaveAccessibleDescription('Tick the box to confirm the transfer.');
  await expect(select).toHaveText('Adi Admin');
  await shot('05-settings-desktop');
  await page.setViewportSize(phone);
  expect(await sidewaysOverflow(page), 'settings scrolls sideways at 390px').toBeLessThanOrEqual(0);
  await shot('06-settings-phone');

  // With a second owner, leaving can succeed, so it is offered.
  await adminDb()`update public.memberships set role = 'owner' where org_id = ${org.id} and user_id = ${admin.id}`;
  await page.reload();
  await expect(page.getByRole('button', { name: 'Leave organization' })).toBeEnabled();
});

test('members and settings as a viewer: badges only, no invite, the address as a link', async ({ page }) => {
  const owner = await createConfirmedUser('kit-owner3', 'Otto Owner');
  const viewer = await createConfirmedUser('kit-viewer3', 'Viv Viewer');
  const org = await orgWith(owner, [[viewer, 'viewer']]);
  const space = new WorkspacePage(page, org.slug);
  await page.setViewportSize(phone);
  await space.signIn(viewer, '/members');
  await expect(space.memberRow(owner.email).getByText('Owner', { exact: true })).toBeVisible();
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expect(space.inviteButton).toHaveCount(0);
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await page.goto(tenantUrl(org.slug, '/settings'));
  await expect(page.getByRole('link', { name: `${org.slug}.${e2eStack().rootDomain}` })).toHaveAttribute('href', tenantUrl(org.slug, ''));
  await expect(page.getByRole('button', { name: 'Leave organization' })).toBeEnabled();
});
