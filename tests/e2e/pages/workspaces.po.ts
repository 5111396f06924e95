import { expect, type Page } from '@playwright/test';

/** Page object for "Your workspaces" (/workspaces): the signed-in user's organizations. */
export class WorkspacesPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async goto() {
    await this.page.goto('/workspaces');
    await expect(this.heading).toBeVisible();
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Your workspaces' });
  }

  /** Asserts this is "Your workspaces" for `email` (where sign-in without a return path lands). */
  async expectSignedInAs(email: string) {
    await expect(this.page).toHaveURL(/\/workspaces(\?|$)/);
    await expect(this.heading).toBeVisible();
    await expect(this.page.getByTestId('workspaces-email')).toHaveText(email);
  }

  get list() {
    return this.page.getByRole('list', { name: 'Your organizations' });
  }

  row(name: string) {
    return this.list.getByRole('listitem').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** "Open" on an organization's row: signs in on its host (handoff). */
  async open(name: string) {
    await this.row(name).getByRole('button', { name: `Open ${name}` }).click();
  }

  get emptyState() {
    return this.page.getByText('You are not in any organization yet');
  }

  /** "Create an organization" (empty) or "Create another organization". */
  get createOrganization() {
    return this.page.getByRole('main').getByRole('link', { name: /^Create (an|another) organization$/ });
  }
}
