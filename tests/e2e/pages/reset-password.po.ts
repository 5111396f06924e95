import { expect, type Page } from '@playwright/test';

/** Page object for /reset-password (reached from a recovery email). */
export class ResetPasswordPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Choose a new password' });
  }

  async expectOpen(email: string) {
    await expect(this.page).toHaveURL(/\/reset-password$/);
    await expect(this.heading).toBeVisible();
    await expect(this.page.getByRole('main')).toContainText(email);
  }

  async setPassword(password: string, confirm = password) {
    await this.page.getByLabel('New password', { exact: true }).fill(password);
    await this.page.getByLabel('Repeat new password').fill(confirm);
    await this.page.getByRole('button', { name: 'Save new password' }).click();
  }

  get passwordError() {
    return this.page.locator('#reset-password-error');
  }

  get confirmError() {
    return this.page.locator('#reset-confirm-error');
  }
}
