import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import { waitForMail } from '../support/mailbox';
import { e2eStack } from '../support/stack';

/**
 * The app's jobs through the real route: the e2e stack's executor synced /api/inngest of
 * `next start`; an event sent to it runs send-invitation-email in the app, which mails.
 */
test('the executor runs the app\'s invitation email job and shows the run on its page', async ({ page }) => {
  const { inngestUrl, rootDomain } = e2eStack();
  const email = `job-${crypto.randomBytes(4).toString('hex')}@example.test`;
  const token = crypto.randomBytes(32).toString('base64url');
  const data = {
    orgId: crypto.randomUUID(), invitationId: crypto.randomUUID(), email, role: 'viewer',
    organizationName: 'Jobs Inc', organizationSlug: 'jobs-inc', inviterEmail: 'owner@acme.test',
    token, expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  };
  const sent = await fetch(`${inngestUrl}/e/local`, { method: 'POST', body: JSON.stringify({ name: 'members/invitation.created', data }) });
  const { ids } = (await sent.json()) as { ids: string[] };
  expect(ids).toHaveLength(1);

  const mail = await waitForMail(email, { timeoutMs: 30_000 });
  expect(mail.subject).toBe('You are invited to join Jobs Inc on Tenantforge');
  expect(mail.action_link).toBe(`http://jobs-inc.${rootDomain}/invite/${token}`);

  const runs = await expect.poll(async () => {
    const res = await fetch(`${inngestUrl}/v1/events/${ids[0]}/runs`);
    return ((await res.json()) as { data: { run_id: string; status: string }[] }).data;
  }, { timeout: 15_000 }).toEqual([expect.objectContaining({ status: 'Completed' })]);
  void runs;

  await page.goto(inngestUrl);
  await expect(page.getByText('tenantforge-send-invitation-email').first()).toBeVisible();
  await page.getByRole('link', { name: 'tenantforge-send-invitation-email' }).first().click();
  await page.locator('a[href^="/runs/"]').first().click();
  await expect(page.getByRole('heading', { name: /^Run / })).toBeVisible();
  await expect(page.getByText('send-email').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Replay' })).toBeVisible();
});
