import { expect, type Page } from '@playwright/test';

/** Page object for /account: email, password and sessions. */
export class AccountPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async goto() {
    await this.page.goto('/account');
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Your account' });
  }

  /** Asserts the account page shows `email` as the signed-in address. */
  async expectSignedInAs(email: string) {
    await expect(this.page).toHaveURL(/\/account(\?|$)/);
    await expect(this.heading).toBeVisible();
    await expect(this.page.getByTestId('account-email')).toHaveText(email);
  }

  /** The page-level notice (e.g. after a password reset or an email change). */
  get notice() {
    return this.page.getByRole('main').getByRole('status').first();
  }

  private get passwordForm() {
    return this.page.getByRole('form', { name: 'Change password' });
  }

  private get emailForm() {
    return this.page.getByRole('form', { name: 'Change email' });
  }

  async changePassword(password: string, confirm = password) {
    await this.passwordForm.getByLabel('New password', { exact: true }).fill(password);
    await this.passwordForm.getByLabel('Repeat new password').fill(confirm);
    await this.passwordForm.getByRole('button', { name: 'Change password' }).click();
  }

  get passwordStatus() {
    return this.passwordForm.getByRole('status');
  }

  passwordFieldError(field: 'password' | 'confirm') {
    return this.page.locator(`#account-${field}-error`);
  }

  async changeEmail(email: string) {
    await this.emailForm.getByLabel('New email address').fill(email);
    await this.emailForm.getByRole('button', { name: 'Change email' }).click();
  }

  get emailStatus() {
    return this.emailForm.getByRole('status');
  }

  /** Signs out and waits for the sign-in page, so a following `goto` cannot cancel the sign-out mid-flight. */
  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(this.page).toHaveURL(/\/sign-in\?notice=signed-out(&|$)/);
  }

  async signOutEverywhere() {
    await this.page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(this.page).toHaveURL(/\/sign-in\?notice=signed-out-everywhere(&|$)/);
  }
}
