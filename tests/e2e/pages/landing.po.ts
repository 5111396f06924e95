import { expect, type Page } from '@playwright/test';
import { SiteFooter, type ThemeName } from './site-footer.po';

/** Page object for the apex landing page. */
export class LandingPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async goto() {
    await this.page.goto('/');
    await expect(this.heading).toBeVisible();
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The primary call to action. */
  get createWorkspace() {
    return this.page.getByRole('main').getByRole('link', { name: 'Create your workspace' });
  }

  /** The theme control lives in the footer, the same on every host. */
  async chooseTheme(name: ThemeName) {
    await new SiteFooter(this.page).chooseTheme(name);
  }

  async isDark() {
    return (await this.page.locator('html').getAttribute('class'))?.split(' ').includes('dark') ?? false;
  }
}
