import type { Page } from '@playwright/test';

/** The header shared by the marketing and auth pages. */
export class SiteHeader {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  private get nav() {
    return this.page.getByRole('banner').getByRole('navigation', { name: 'Main' });
  }

  get signIn() {
    return this.nav.getByRole('link', { name: 'Sign in' });
  }

  get getStarted() {
    return this.nav.getByRole('link', { name: 'Get started' });
  }

  get account() {
    return this.nav.getByRole('link', { name: 'Account' });
  }
}
