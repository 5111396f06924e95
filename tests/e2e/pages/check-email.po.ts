import { expect, type Page } from '@playwright/test';

/** Page object for /check-email (after sign-up, magic link, recovery). */
export class CheckEmailPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Check your email' });
  }

  async expectFor(email: string) {
    await expect(this.page).toHaveURL(/\/check-email\?/);
    await expect(this.heading).toBeVisible();
    await expect(this.page.getByRole('main')).toContainText(email);
  }

  get resendButton() {
    return this.page.getByRole('button', { name: 'Send the email again' });
  }

  get status() {
    return this.page.getByRole('main').getByRole('status');
  }

  get alert() {
    return this.page.getByRole('main').getByRole('alert');
  }
}
