import { expect, type Page } from '@playwright/test';

/** Page object for /sign-in: password form and "email me a link" form. */
export class SignInPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async goto(next?: string) {
    await this.page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
    await expect(this.heading).toBeVisible();
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Sign in' });
  }

  private get passwordForm() {
    return this.page.getByRole('form', { name: 'Sign in with password' });
  }

  private get linkForm() {
    return this.page.getByRole('form', { name: 'Email me a sign-in link' });
  }

  get email() {
    return this.passwordForm.getByLabel('Email', { exact: true });
  }

  get password() {
    return this.passwordForm.getByLabel('Password', { exact: true });
  }

  /** The password form's error (wrong password, unconfirmed email, link errors). */
  get alert() {
    return this.passwordForm.getByRole('alert');
  }

  get notice() {
    return this.passwordForm.getByRole('status');
  }

  get linkAlert() {
    return this.linkForm.getByRole('alert');
  }

  async signIn(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.passwordForm.getByRole('button', { name: 'Sign in' }).click();
  }

  async requestMagicLink(email: string) {
    await this.linkForm.getByLabel('Email me a sign-in link').fill(email);
    await this.linkForm.getByRole('button', { name: 'Send sign-in link' }).click();
  }

  async forgotPassword() {
    await this.page.getByRole('link', { name: 'Forgot your password?' }).click();
  }
}
