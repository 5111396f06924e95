import { expect, type Locator, type Page } from '@playwright/test';
import { tenantUrl } from '../support/stack';

type Role = 'admin' | 'member' | 'viewer';
const roleLabel = (role: Role) => role[0]!.toUpperCase() + role.slice(1);

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

  /** Signs in on the tenant host (its own session cookies) and lands on `path`. */
  async signIn(user: { email: string; password: string }, path = '/') {
    await this.goto(path);
    await expect(this.page).toHaveURL(/\/sign-in\?next=/);
    await this.page.getByLabel('Email', { exact: true }).fill(user.email);
    await this.page.getByLabel('Password', { exact: true }).fill(user.password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(this.page).toHaveURL(tenantUrl(this.slug, path), { timeout: 30_000 });
    // Pages stream in (loading states first): wait until the document has arrived.
    await this.page.waitForLoadState('load');
  }

  async expectOverview(orgName: string) {
    await expect(this.page).toHaveURL(new RegExp(`^${tenantUrl(this.slug, '/').replace(/[.]/g, '\\.')}(\\?.*)?$`));
    await expect(this.page.getByRole('heading', { level: 1, name: orgName, exact: true })).toBeVisible();
  }

  get inviteButton() {
    return this.page.getByRole('button', { name: 'Invite member' });
  }

  get inviteDialog() {
    return this.page.getByRole('dialog', { name: 'Invite a member' });
  }

  /** Picks an option of a (Radix) select with the mouse: open it, click the option. */
  async choose(select: Locator, label: string) {
    await select.click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
    await expect(select).toHaveText(label);
  }

  async invite(email: string, role: Role) {
    await this.inviteButton.click();
    const dialog = this.inviteDialog;
    await dialog.getByLabel('Email address').fill(email);
    await this.choose(dialog.getByRole('combobox', { name: 'Role' }), roleLabel(role));
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('region', { name: 'Pending invitations' }).getByText(email)).toBeVisible();
  }

  get memberTable() {
    return this.page.getByRole('table', { name: 'Members', exact: true });
  }

  memberRow(email: string) {
    return this.memberTable.getByRole('row').filter({ hasText: email });
  }

  /** The role select of a member the viewer may manage (shows the saved role as its text). */
  roleSelect(email: string) {
    return this.memberRow(email).getByRole('combobox', { name: `Role of ${email}` });
  }

  /** Changes a member's role with the select (it saves on change) and waits for the saved role. */
  async changeRole(email: string, role: Role) {
    await this.choose(this.roleSelect(email), roleLabel(role));
    await expect(this.page.getByText('Role changed.').first()).toBeVisible();
    // The row keeps the new role once the list has refreshed (a refused change goes back to the old one).
    await expect(this.roleSelect(email)).toHaveText(roleLabel(role));
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
