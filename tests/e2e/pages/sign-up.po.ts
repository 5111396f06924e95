import { expect, type Page } from '@playwright/test';

/** Page object for /sign-up. */
export class SignUpPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async goto(next?: string) {
    await this.page.goto(next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up');
    await expect(this.heading).toBeVisible();
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Create your account' });
  }

  get name() {
    return this.page.getByLabel('Your name');
  }

  get email() {
    return this.page.getByLabel('Work email');
  }

  get password() {
    return this.page.getByLabel('Password', { exact: true });
  }

  get alert() {
    return this.page.getByRole('main').getByRole('alert');
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Create account' }).click();
  }

  async signUp(details: { name?: string; email: string; password: string }) {
    if (details.name) await this.name.fill(details.name);
    await this.email.fill(details.email);
    await this.password.fill(details.password);
    await this.submit();
  }

  /** The error line under a field, found through its aria-describedby. */
  fieldError(field: 'email' | 'password' | 'name') {
    return this.page.locator(`#field-${field}-error`);
  }
}
