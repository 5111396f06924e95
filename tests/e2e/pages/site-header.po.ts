import { expect, type Page } from '@playwright/test';

/** The header of the apex pages (marketing and auth) and of the auth pages on a tenant host. */
export class SiteHeader {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  get banner() {
    return this.page.getByRole('banner');
  }

  private get nav() {
    return this.banner.getByRole('navigation', { name: 'Main' });
  }

  /** The home link at the left: Tenantforge on the apex, the organization's name on its host. */
  brand(name: string | RegExp) {
    return this.banner.getByRole('link', { name });
  }

  get signIn() {
    return this.nav.getByRole('link', { name: 'Sign in' });
  }

  get getStarted() {
    return this.nav.getByRole('link', { name: 'Get started' });
  }

  get yourWorkspaces() {
    return this.nav.getByRole('link', { name: 'Your workspaces' });
  }

  /** The avatar button of a signed-in visitor. */
  get accountMenu() {
    return this.nav.getByRole('button', { name: /^Account menu for / });
  }

  /** Asserts the signed-in header for `email`: the avatar menu and "Your workspaces", no sign-in links. */
  async expectSignedIn(email: string) {
    await expect(this.nav.getByRole('button', { name: `Account menu for ${email}` })).toBeVisible();
    await expect(this.yourWorkspaces).toBeVisible();
    await expect(this.signIn).toHaveCount(0);
    await expect(this.getStarted).toHaveCount(0);
  }

  /**
   * Opens the avatar menu and chooses an item ("Your workspaces", "Account", "Sign out").
   * Right after a navigation the header may still be the previous page's (or not
   * hydrated yet), so the menu is opened again until its item shows.
   */
  async chooseFromMenu(item: 'Your workspaces' | 'Account' | 'Sign out') {
    const entry = this.page.getByRole('menuitem', { name: item });
    await expect(async () => {
      if (!(await entry.isVisible())) await this.accountMenu.click();
      await expect(entry).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await entry.click();
  }
}
