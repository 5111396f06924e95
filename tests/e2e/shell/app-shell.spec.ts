import type { Page, TestInfo } from '@playwright/test';
import { createConfirmedUser, expect, test, type TestUser } from '../auth/fixtures';
import { AppShell } from '../pages/app-shell.po';
import { adminDb, closeAdminDb, createOrg, type ApiOrg } from '../support/api-fixtures';
import { tenantUrl } from '../support/stack';

/**
 * The app shell on tenant hosts (components/shell): keyboard-only use of the sidebar,
 * the collapsed rail remembered across reloads, the phone drawer, the command palette,
 * and areas hidden from roles that lack their permission.
 */
test.afterAll(closeAdminDb);
// Each test signs in on the tenant host first; generous on a busy machine.
test.describe.configure({ timeout: 180_000 });

interface World {
  org: ApiOrg;
  other: ApiOrg;
  owner: TestUser;
  viewer: TestUser;
  mia: TestUser;
}

let world: World | undefined;

/** What the screen shows (not the full page: a drawer or dialog covers the viewport), light then dark. */
async function screenShot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await page.screenshot({ path: testInfo.outputPath(`${name}-dark.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
}

/** One organization with a few named people, and a second one the owner also belongs to. */
async function setUp(): Promise<World> {
  if (world) return world;
  const owner = await createConfirmedUser('shell-owner', 'Olivia Park');
  const viewer = await createConfirmedUser('shell-viewer', 'Victor Stone');
  const mia = await createConfirmedUser('shell-mia', 'Mia Chen');
  const noah = await createConfirmedUser('shell-noah', 'Noah Fischer');
  const org = await createOrg('shell', 'Acme Health');
  const other = await createOrg('shell-north', 'Northwind Labs');
  await adminDb()`insert into public.memberships (org_id, user_id, role) values
    (${org.id}, ${owner.id}, 'owner'), (${org.id}, ${viewer.id}, 'viewer'),
    (${org.id}, ${mia.id}, 'admin'), (${org.id}, ${noah.id}, 'member'),
    (${other.id}, ${owner.id}, 'member')`;
  world = { org, other, owner, viewer, mia };
  return world;
}

test('keyboard only: skip link, sidebar links, Enter navigates and aria-current follows', async ({ page, shot }, testInfo) => {
  const { org, owner } = await setUp();
  const shell = new AppShell(page, org.slug);
  await page.setViewportSize({ width: 1280, height: 800 });
  await shell.signIn(owner);

  // The first Tab reaches the skip link; Enter on it moves on into the content.
  await shell.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  expect(await shell.focusIsWithin('#main')).toBe(true);

  // From the top again: Tab through the sidebar to Members, Enter opens it.
  await shell.goto('/');
  await expect(shell.navLink('Overview')).toHaveAttribute('aria-current', 'page');
  await shell.tabTo(shell.navLink('Members'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(shell.url('/members'));
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await expect(shell.navLink('Members')).toHaveAttribute('aria-current', 'page');
  await expect(shell.navLink('Overview')).not.toHaveAttribute('aria-current', /.*/);

  // Onward to the audit log with the keyboard alone.
  await shell.tabTo(shell.navLink('Audit log'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(shell.url('/audit'));
  await expect(shell.navLink('Audit log')).toHaveAttribute('aria-current', 'page');
  await expect(shell.navLink('Members')).not.toHaveAttribute('aria-current', /.*/);
  await expect(shell.sidebar.locator('[aria-current="page"]')).toHaveCount(1);

  await shell.goto('/');
  await shell.expectAccessible('#app-sidebar');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await shell.expectAccessible('#app-sidebar');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
  await shot('01-desktop-overview');

  // The user menu at the bottom shows who is signed in and their role; the switcher lists both organizations.
  await shell.sidebar.getByRole('button', { name: /Account menu/ }).click();
  await expect(page.getByRole('menu')).toContainText(owner.email);
  await expect(page.getByRole('menu')).toContainText('Role: owner');
  await screenShot(page, testInfo, '01b-user-menu');
  await page.keyboard.press('Escape');
  await shell.sidebar.getByRole('button', { name: /Switch organization/ }).click();
  await expect(page.getByRole('menuitem', { name: /Northwind Labs/ })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Acme Health/ })).toContainText('(current)');
  await screenShot(page, testInfo, '01c-org-switcher');
  await page.keyboard.press('Escape');
});

test('the collapsed sidebar stays collapsed after a reload, rendered so by the server', async ({ page, browser, shot }) => {
  const { org, owner } = await setUp();
  const shell = new AppShell(page, org.slug);
  await page.setViewportSize({ width: 1280, height: 800 });
  await shell.signIn(owner, '/members');
  await expect(shell.sidebar).toHaveAttribute('data-state', 'expanded');

  await shell.collapseButton.click();
  await expect(shell.sidebar).toHaveAttribute('data-state', 'collapsed');
  await expect(shell.collapseButton).toHaveAccessibleName('Expand sidebar');
  // Icons only: the labels stay as accessible names and tooltips.
  await expect(shell.navLink('Members')).toHaveAttribute('title', 'Members');
  await expect(shell.navLink('Members')).toHaveAttribute('aria-current', 'page');
  await expect.poll(async () => (await shell.sidebar.boundingBox())?.width).toBeLessThanOrEqual(72);

  // The server's HTML already holds the collapsed rail (no flash of the wide one): seen without JavaScript.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noScript.newPage();
  await plain.setViewportSize({ width: 1280, height: 800 });
  await plain.goto(shell.url('/members'));
  await expect(new AppShell(plain, org.slug).sidebar).toHaveAttribute('data-state', 'collapsed');
  await noScript.close();
  await page.reload();
  await expect(shell.sidebar).toHaveAttribute('data-state', 'collapsed');
  await shell.expectAccessible('#app-sidebar');
  await shot('02-desktop-collapsed');

  // Expanding is remembered too.
  await shell.collapseButton.click();
  await expect(shell.sidebar).toHaveAttribute('data-state', 'expanded');
  await page.reload();
  await expect(shell.sidebar).toHaveAttribute('data-state', 'expanded');
  await expect(shell.navLink('Members')).not.toHaveAttribute('title', /.*/);
});

test('on a phone the sidebar is a drawer: opens and closes with the keyboard, traps focus, closes on navigation', async ({ page, shot }, testInfo) => {
  const { org, owner } = await setUp();
  const shell = new AppShell(page, org.slug);
  await page.setViewportSize({ width: 390, height: 844 });
  await shell.signIn(owner, '/');
  await expect(shell.sidebar).toBeHidden();
  await shell.expectNoHorizontalOverflow();
  await shell.expectAccessible('header');
  await shot('03-phone-overview');

  // Skip link, then the menu button; Enter opens the drawer with focus inside it.
  await shell.tabTo(shell.menuButton);
  await page.keyboard.press('Enter');
  await expect(shell.drawer).toBeVisible();
  expect(await shell.focusIsWithin('[role="dialog"]')).toBe(true);
  // Focus stays in the drawer however far one tabs.
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press('Tab');
    expect(await shell.focusIsWithin('[role="dialog"]')).toBe(true);
  }
  await shell.expectNoHorizontalOverflow();
  await shell.expectAccessible('[role="dialog"]');
  await screenShot(page, testInfo, '04-phone-drawer');

  // Escape closes it and gives focus back to the menu button.
  await page.keyboard.press('Escape');
  await expect(shell.drawer).toBeHidden();
  await expect(shell.menuButton).toBeFocused();

  // A link in the drawer navigates and closes it.
  await page.keyboard.press('Enter');
  await expect(shell.drawer).toBeVisible();
  await shell.tabTo(shell.navLink('Members', shell.drawer));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(shell.url('/members'));
  await expect(shell.drawer).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();

  // The current page is marked in the drawer too.
  await shell.menuButton.click();
  await expect(shell.navLink('Members', shell.drawer)).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Escape');
  await expect(shell.drawer).toBeHidden();

  // The top bar's search opens the palette, which fits the phone.
  await shell.goto('/');
  await page.getByRole('banner').getByRole('button', { name: 'Search…' }).click();
  await expect(shell.palette).toBeVisible();
  await expect(shell.paletteOption(/Mia Chen/)).toBeVisible();
  await shell.expectNoHorizontalOverflow();
  await screenShot(page, testInfo, '05-phone-palette');
  await page.keyboard.press('Escape');
  await expect(shell.palette).toBeHidden();
});

test('the command palette: Ctrl+K opens it, typing filters, Enter jumps to a page or a member, Escape returns focus', async ({ page, shot }) => {
  const { org, other, owner, mia } = await setUp();
  const shell = new AppShell(page, org.slug);
  await page.setViewportSize({ width: 1280, height: 800 });
  await shell.signIn(owner, '/');

  // Ctrl+K: the palette opens with the search field focused; pages, organizations and members are listed.
  await page.keyboard.press('Control+k');
  await expect(shell.palette).toBeVisible();
  await expect(shell.paletteInput).toBeFocused();
  await expect(shell.paletteOption('Audit log')).toBeVisible();
  await expect(shell.paletteOption(/Switch to Northwind Labs/)).toBeVisible();
  await expect(shell.paletteOption(/Mia Chen/)).toBeVisible();
  await shell.expectAccessible('[role="dialog"]');
  await shot('06-palette-open');

  // Typing filters; Enter opens the selected page.
  await page.keyboard.type('audit');
  await expect(shell.paletteOption('Audit log')).toBeVisible();
  await expect(shell.paletteOption('Members')).toHaveCount(0);
  await expect(shell.paletteOption('Audit log')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(shell.palette).toBeHidden();
  await expect(page).toHaveURL(shell.url('/audit'));
  await expect(shell.navLink('Audit log')).toHaveAttribute('aria-current', 'page');

  // A member by name: Enter shows them on the members page.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('mia');
  await expect(shell.paletteOption(/Mia Chen/)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(shell.url(`/members?q=${encodeURIComponent(mia.email)}`));
  await expect(page.getByRole('row').filter({ hasText: mia.email })).toBeVisible();

  // Nothing matches: it says so.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('zzqxj');
  await expect(shell.palette.getByText('No results')).toBeVisible();
  await shot('07-palette-no-results', { dark: false });

  // Escape closes it and focus goes back where it was: here, the sidebar's search button.
  await page.keyboard.press('Escape');
  await expect(shell.palette).toBeHidden();
  await shell.searchButton.focus();
  await page.keyboard.press('Enter');
  await expect(shell.palette).toBeVisible();
  await expect(shell.paletteInput).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(shell.palette).toBeHidden();
  await expect(shell.searchButton).toBeFocused();

  // Arrow keys move through the results; the organization entry switches hosts, signed in.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('northwind');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(shell.paletteOption(/Switch to Northwind Labs/)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(tenantUrl(other.slug, '/'));
  await expect(page.getByRole('button', { name: /Organization: Northwind Labs/ })).toBeVisible();
});

test('a viewer sees only the areas their role opens: no audit log in the sidebar or the palette', async ({ page, shot }) => {
  const { org, viewer } = await setUp();
  const shell = new AppShell(page, org.slug);
  await page.setViewportSize({ width: 1280, height: 800 });
  await shell.signIn(viewer, '/');
  await expect(shell.navLink('Overview')).toBeVisible();
  await expect(shell.navLink('Members')).toBeVisible();
  await expect(shell.navLink('Settings')).toBeVisible();
  await expect(shell.navLink('Audit log')).toHaveCount(0);

  await page.keyboard.press('Control+k');
  await page.keyboard.type('audit');
  await expect(shell.palette.getByText('No results')).toBeVisible();
  await expect(shell.paletteOption('Audit log')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await shot('08-viewer', { dark: false });
});
