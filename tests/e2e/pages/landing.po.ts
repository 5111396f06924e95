import { expect, type Page } from '@playwright/test';

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

  async chooseTheme(name: 'Light' | 'Dark' | 'System') {
    await this.page.getByRole('button', { name: 'Change theme' }).click();
    await this.page.getByRole('menuitemradio', { name }).click();
  }

  async isDark() {
    return (await this.page.locator('html').getAttribute('class'))?.split(' ').includes('dark') ?? false;
  }
}
