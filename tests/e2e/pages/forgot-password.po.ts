import { expect, type Page } from '@playwright/test';

/** Page object for /forgot-password. */
export class ForgotPasswordPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Reset your password' });
  }

  async expectOpen() {
    await expect(this.page).toHaveURL(/\/forgot-password/);
    await expect(this.heading).toBeVisible();
  }

  async requestLink(email: string) {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByRole('button', { name: 'Send reset link' }).click();
  }
}
