import crypto from 'node:crypto';
import { createConfirmedUser, expect, test } from '../auth/fixtures';
import { adminDb, closeAdminDb, createOrg } from '../support/api-fixtures';
import { e2eStack, tenantUrl } from '../support/stack';
import { signInOnTenant } from '../support/tenant-sign-in';

/**
 * A failing webhook, retried and shown in the delivery log: an admin adds a webhook channel
 * pointing at the local receiver, which refuses every request; an event reaches a member
 * (whose bell counts it live); the delivery log shows the retries with the error and response
 * code; the endpoint recovers and "Retry now" ends the delivery as sent, signed.
 */
test.afterAll(closeAdminDb);

const receiver = (path: string, init?: RequestInit) => fetch(`${e2eStack().receiverUrl}${path}`, init);

test('a failing webhook is retried, shown in the delivery log, and sent after "Retry now"', async ({ page, browser, shot }) => {
  test.setTimeout(150_000);
  const admin = await createConfirmedUser('notify-admin', 'Nora Admin');
  const member = await createConfirmedUser('notify-member', 'Milo Member');
  const org = await createOrg('notify', 'Notifyco');
  await adminDb()`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${admin.id}, 'owner'), (${org.id}, ${member.id}, 'member')`;
  const hookPath = `/hooks/e2e-${crypto.randomUUID().slice(0, 8)}`;
  await receiver('/_receiver/fail', { method: 'POST', body: JSON.stringify({ path: hookPath, times: 1000, status: 500 }) });

  // The admin adds a webhook channel; the secret is not shown again.
  await signInOnTenant(page, org.slug, admin, '/channels');
  await page.getByLabel('Name').fill('Ops webhook');
  await page.getByLabel('Endpoint URL').fill(`${e2eStack().receiverUrl}${hookPath}`);
  await page.getByLabel('Signing secret').fill('whsec_e2e_secret_0123456789');
  await page.getByRole('button', { name: 'Add channel' }).click();
  const row = page.getByRole('row', { name: /Ops webhook/ });
  await expect(row).toContainText('secret saved');
  await expect(page.getByText('whsec_e2e_secret_0123456789')).toHaveCount(0);
  await shot('01-channels');

  // The member watches their bell while a task is assigned to them.
  const memberPage = await (await browser.newContext()).newPage();
  await signInOnTenant(memberPage, org.slug, member, '/');
  const bell = memberPage.locator('[data-testid="notification-bell"]:visible');
  await expect(bell).toHaveAttribute('aria-label', 'Notifications');
  await memberPage.waitForTimeout(1000); // the private topic is joined
  const event = {
    name: 'tasks/task.assigned',
    id: `task-assigned:${crypto.randomUUID()}`,
    data: {
      orgId: org.id, actorId: admin.id, recipientIds: [member.id], title: 'Nora Admin assigned you “Ship the intake form”',
      body: '', path: '/notifications', occurredAt: new Date().toISOString(), taskId: crypto.randomUUID(), assigneeId: member.id,
    },
  };
  const sent = await fetch(`${e2eStack().inngestUrl}/e/local`, { method: 'POST', body: JSON.stringify(event) });
  expect(sent.status).toBe(200);
  await expect(bell).toHaveAttribute('aria-label', 'Notifications, 1 unread', { timeout: 20_000 });
  await bell.click();
  await expect(memberPage.getByRole('menuitem', { name: /Ship the intake form/ })).toBeVisible();
  await shot('02-bell-open', { page: memberPage });
  await memberPage.keyboard.press('Escape');
  await memberPage.goto(tenantUrl(org.slug, '/notifications'));
  await expect(memberPage.getByTestId('notification-list')).toContainText('Ship the intake form');
  await shot('03-notification-centre', { page: memberPage });
  await memberPage.goto(tenantUrl(org.slug, '/notifications/preferences'));
  await expect(memberPage.getByRole('checkbox', { name: 'A task is assigned to me: Webhook' })).toBeChecked();
  await shot('04-preferences', { page: memberPage });
  await memberPage.context().close();

  // The delivery log shows the failing attempts with the receiver's answer.
  await page.goto(tenantUrl(org.slug, '/channels/deliveries?status=retrying'));
  const delivery = page.getByRole('row', { name: /Ops webhook/ });
  await expect(async () => {
    await page.reload();
    await expect(delivery).toContainText('retrying', { timeout: 1000 });
    await expect(delivery).toContainText('500', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(delivery).toContainText('HTTP 500');
  await shot('05-delivery-log-failing');

  // The endpoint recovers; "Retry now" sends it.
  await receiver('/_receiver/fail', { method: 'POST', body: JSON.stringify({ path: hookPath, times: 0 }) });
  await delivery.getByRole('button', { name: 'Retry now' }).click();
  await page.goto(tenantUrl(org.slug, '/channels/deliveries'));
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('row', { name: /Ops webhook/ })).toContainText('sent', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await shot('06-delivery-log-sent');
  const got = (await (await receiver(`/_receiver/requests?path=${encodeURIComponent(hookPath)}`)).json()) as { requests: { status: number; headers: Record<string, string> }[] };
  expect(got.requests.at(-1)?.status).toBe(200);
  expect(got.requests.at(-1)?.headers['tenantforge-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  expect(got.requests.filter((r) => r.status === 500).length).toBeGreaterThanOrEqual(1);
});
