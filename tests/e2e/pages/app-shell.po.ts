import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { tenantUrl } from '../support/stack';

/** The app shell on a tenant host: sidebar, phone top bar and drawer, command palette. */
export class AppShell {
  private readonly page: Page;
  private readonly slug: string;
  constructor(page: Page, slug: string) {
    this.page = page;
    this.slug = slug;
  }

  /** Signs in on the tenant host itself (its own session cookies) and lands on `path`. */
  async signIn(user: { email: string; password: string }, path = '/') {
    await this.page.goto(tenantUrl(this.slug, path));
    await expect(this.page).toHaveURL(/\/sign-in\?next=/);
    await this.page.getByLabel('Email', { exact: true }).fill(user.email);
    await this.page.getByLabel('Password', { exact: true }).fill(user.password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // Signing in waits on the auth server and a full page load: slow on a busy machine.
    await expect(this.page).toHaveURL(tenantUrl(this.slug, path), { timeout: 30_000 });
  }

  async goto(path = '/') {
    await this.page.goto(tenantUrl(this.slug, path));
  }

  url(path = '/') {
    return tenantUrl(this.slug, path);
  }

  get sidebar() {
    return this.page.getByRole('complementary', { name: 'Sidebar' });
  }

  /** The areas' links in the sidebar (desktop) or the drawer (phone). */
  nav(scope = this.sidebar) {
    return scope.getByRole('navigation', { name: 'Workspace' });
  }

  navLink(name: string, scope = this.sidebar) {
    return this.nav(scope).getByRole('link', { name, exact: true });
  }

  get collapseButton() {
    return this.sidebar.getByRole('button', { name: /(Collapse|Expand) sidebar/ });
  }

  get searchButton() {
    return this.sidebar.getByRole('button', { name: /^Search/ });
  }

  get menuButton() {
    return this.page.getByRole('button', { name: 'Open navigation' });
  }

  get drawer() {
    return this.page.getByRole('dialog', { name: 'Navigation' });
  }

  get palette() {
    return this.page.getByRole('dialog', { name: 'Command palette' });
  }

  get paletteInput() {
    return this.palette.getByRole('combobox');
  }

  paletteOption(name: string | RegExp) {
    return this.palette.getByRole('option', { name });
  }

  /** True when the page is no wider than the viewport (nothing scrolls sideways). */
  async expectNoHorizontalOverflow() {
    const { scroll, client } = await this.page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll, `page is ${scroll}px wide in a ${client}px viewport`).toBeLessThanOrEqual(client);
  }

  /**
   * No serious or critical axe violations inside the shell's own parts (`selectors`); page
   * bodies are checked by their own suites.
   */
  async expectAccessible(...selectors: string[]) {
    let builder = new AxeBuilder({ page: this.page });
    for (const selector of selectors) builder = builder.include(selector);
    const { violations } = await builder.analyze();
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, serious.join('\n')).toEqual([]);
  }

  /** Presses Tab until `target` has focus (at most `limit` times). */
  async tabTo(target: ReturnType<Page['locator']>, limit = 25) {
    for (let i = 0; i < limit; i++) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    }
    throw new Error(`Tab did not reach ${target.toString()} in ${limit} presses`);
  }

  /** Whether the focused element lies inside `selector`. */
  focusIsWithin(selector: string) {
    return this.page.evaluate((s) => Boolean(document.activeElement?.closest(s)), selector);
  }
}
