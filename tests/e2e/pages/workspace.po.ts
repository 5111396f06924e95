import { expect, type Page } from '@playwright/test';
import { tenantUrl } from '../support/stack';

/** Page object for a tenant workspace (<slug>.localhost): overview, members, audit. */
export class WorkspacePage {
  private readonly page: Page;
  private readonly slug: string;
  constructor(page: Page, slug: string) {
    this.page = page;
    this.slug = slug;
  }

  async goto(path = '/') {
    await this.page.goto(tenantUrl(this.slug, path));
  }

  async expectOverview(orgName: string) {
    await expect(this.page).toHaveURL(new RegExp(`^${tenantUrl(this.slug, '/').replace(/[.]/g, '\\.')}(\\?.*)?$`));
    await expect(this.page.getByRole('heading', { level: 1, name: orgName, exact: true })).toBeVisible();
  }

  get inviteButton() {
    return this.page.getByRole('button', { name: 'Invite member' });
  }

  async invite(email: string, role: 'admin' | 'member' | 'viewer') {
    await this.inviteButton.click();
    const dialog = this.page.getByRole('dialog', { name: 'Invite a member' });
    await dialog.getByLabel('Email address').fill(email);
    await dialog.getByLabel('Role').selectOption(role);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('region', { name: 'Pending invitations' }).getByText(email)).toBeVisible();
  }

  memberRow(email: string) {
    return this.page.getByRole('row').filter({ hasText: email });
  }

  async changeRole(email: string, role: 'admin' | 'member' | 'viewer') {
    const row = this.memberRow(email);
    await row.getByLabel(`Role of ${email}`).selectOption(role);
    await row.getByRole('button', { name: 'Save' }).click();
    await expect(this.page.getByText('Role changed.').first()).toBeVisible();
    // The row shows the new role once the list has refreshed (not the role before the change).
    await expect(row.getByLabel(`Role of ${email}`)).toHaveValue(role);
  }

  /** Audit log entries (each a sentence), newest first. */
  auditEntries() {
    return this.page.getByRole('list', { name: 'Audit entries' }).getByRole('listitem');
  }

  auditEntry(sentence: string | RegExp) {
    return this.auditEntries().filter({ hasText: sentence });
  }

  /** Picks an action in the audit log's filter bar (applies at once). */
  async filterAuditByAction(label: string) {
    await this.page.getByLabel('Action', { exact: true }).click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
    await expect(this.page).toHaveURL(/[?&]action=/);
  }
}
