import { expect, type Page } from '@playwright/test';
import { tenantUrl } from '../support/stack';

/** Page object for the approvals inbox, a request page, the policies page and an emailed link's page. */
export class ApprovalsPage {
  private readonly page: Page;
  private readonly slug: string;
  constructor(page: Page, slug: string) {
    this.page = page;
    this.slug = slug;
  }

  async gotoInbox(tab: 'waiting' | 'mine' | 'all' = 'waiting') {
    await this.page.goto(tenantUrl(this.slug, `/approvals?tab=${tab}`));
    await expect(this.page.getByRole('heading', { level: 1, name: 'Approvals' })).toBeVisible();
  }

  tab(name: 'Waiting for me' | 'Requested by me' | 'All') {
    return this.page.getByRole('navigation', { name: 'Approval views' }).getByRole('link', { name: new RegExp(`^${name}`) });
  }

  request(subject: string) {
    return this.page.getByRole('list', { name: 'Approval requests' }).getByRole('listitem').filter({ hasText: subject });
  }

  /** Opens "Ask for sign-off", fills it and sends; lands on the new request's page. */
  async askForSignOff(subject: string, details: string) {
    await this.page.getByRole('button', { name: 'Ask for sign-off' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Ask for sign-off' });
    await dialog.getByLabel('What needs signing off').fill(subject);
    await dialog.getByLabel('Details').fill(details);
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  }

  get status() {
    return this.page.locator('header').getByText(/^(Pending|Approved|Rejected|Expired|Cancelled)$/);
  }

  history() {
    return this.page.getByRole('list', { name: 'History' }).getByRole('listitem');
  }

  /** On a request page or a link's page: reason, then Approve or Reject. */
  async decide(decision: 'Approve' | 'Reject', reason = '') {
    const form = this.page.getByRole('form', { name: 'Decide' });
    if (reason) await form.getByLabel('Reason').fill(reason);
    await form.getByRole('button', { name: decision, exact: true }).click();
  }
}
