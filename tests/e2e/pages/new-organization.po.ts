import { expect, type Page } from '@playwright/test';

/** Page object for /new-organization on the apex. */
export class NewOrganizationPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async goto() {
    await this.page.goto('/new-organization');
    await expect(this.heading).toBeVisible();
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Create your workspace' });
  }

  async fill(name: string, slug: string) {
    await this.page.getByLabel('Organization name').fill(name);
    await this.page.getByLabel('Subdomain').fill(slug);
  }

  slugStatus() {
    return this.page.locator('#org-slug-status');
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Create workspace' }).click();
  }
}
