import type postgres from 'postgres';
import { createConfirmedUser, expect, test, type TestUser } from '../auth/fixtures';
import { WorkspacePage } from '../pages/workspace.po';
import { adminDb, closeAdminDb, suffix } from '../support/api-fixtures';
import { tenantUrl } from '../support/stack';
import { atPhoneWidth, overflowsSideways } from '../support/viewport';

/**
 * The audit log in words: sentences with avatars and relative times, the raw entry in a
 * details drawer, and empty states that tell "nothing yet" from "nothing matches".
 */
test.afterAll(closeAdminDb);

/** An organization with `owner` in it and an empty log (setup, not history: triggers off). */
async function quietOrg(owner: TestUser, name: string) {
  const slug = `audit-${suffix()}`;
  const [org] = await adminDb().begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    const rows = await tx<{ id: string }[]>`insert into public.organizations (name, slug) values (${name}, ${slug}) returning id`;
    await tx`insert into public.memberships (org_id, user_id, role) values (${rows[0]!.id}, ${owner.id}, 'owner')`;
    return rows;
  });
  return { id: org!.id, slug, name };
}

/** A change as the app makes it: as `actor`, with a request id, address and browser; the triggers write the entry. */
async function changeAs(actor: TestUser, change: (tx: postgres.TransactionSql) => Promise<unknown>) {
  await adminDb().begin(async (tx) => {
    await tx`select set_config('app.actor_id', ${actor.id}, true), set_config('app.request_id', ${`req-${suffix()}`}, true),
                    set_config('app.client_ip', '203.0.113.9', true), set_config('app.user_agent', 'AuditSpec/1.0', true)`;
    await change(tx);
  });
}

test('an empty log says "No activity yet"; a filter that matches nothing says so and clears', async ({ page, shot }) => {
  const owner = await createConfirmedUser('audit-empty', 'Elle Empty');
  const org = await quietOrg(owner, 'Blank Slate');
  await new WorkspacePage(page, org.slug).signIn(owner, '/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page.getByText('No activity yet')).toBeVisible();
  await expect(page.getByText('No entries match these filters')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Clear filters' })).toHaveCount(0);
  await shot('01-audit-empty');

  await new WorkspacePage(page, org.slug).filterAuditByAction('Member removed');
  await expect(page.getByText('No entries match these filters')).toBeVisible();
  await expect(page.getByText('No activity yet')).toHaveCount(0);
  await shot('02-audit-no-match');
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(tenantUrl(org.slug, '/audit'));
  await expect(page.getByText('No activity yet')).toBeVisible();

  // A date range is a filter too, shown in its date pickers.
  await page.goto(tenantUrl(org.slug, '/audit?from=2026-01-01&to=2026-01-31'));
  await expect(page.getByLabel('From', { exact: true })).toHaveText('Jan 1, 2026');
  await expect(page.getByLabel('To', { exact: true })).toHaveText('Jan 31, 2026');
  await expect(page.getByText('No entries match these filters')).toBeVisible();
});

test('entries read as sentences; Details opens the raw entry and Escape closes it; filters narrow the list', async ({ page, shot }) => {
  const owner = await createConfirmedUser('audit-owner', 'Olive Owner');
  const target = await createConfirmedUser('audit-target', 'Tom Target');
  const org = await quietOrg(owner, 'Ledger Co');
  await adminDb()`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${target.id}, 'member')`;
  await changeAs(owner, (tx) => tx`update public.memberships set role = 'viewer' where org_id = ${org.id} and user_id = ${target.id}`);
  await changeAs(owner, (tx) => tx`update public.organizations set name = 'Ledger & Co' where id = ${org.id}`);

  await new WorkspacePage(page, org.slug).signIn(owner, '/audit');
  const log = new WorkspacePage(page, org.slug);
  await expect(log.auditEntries()).toHaveCount(3);
  const renamed = log.auditEntry('Olive Owner renamed the organization from Ledger Co to Ledger & Co');
  const roleChanged = log.auditEntry('Olive Owner changed Tom Target’s role from member to viewer');
  await expect(renamed).toBeVisible();
  await expect(roleChanged).toBeVisible();
  await expect(log.auditEntry('Tom Target joined as member')).toBeVisible();
  // No raw ids, keys or ISO timestamps in the list.
  const listed = await page.getByRole('list', { name: 'Audit entries' }).innerText();
  expect(listed).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|member\.role_changed|\d{4}-\d{2}-\d{2}T/);
  await expect(roleChanged.locator('time')).toHaveText(/ago|now/);
  await shot('03-audit-sentences');

  await roleChanged.getByRole('button', { name: 'Details' }).click();
  const drawer = page.getByRole('dialog', { name: 'Entry details' });
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText('member.role_changed');
  await expect(drawer).toContainText('203.0.113.9');
  await expect(drawer).toContainText('AuditSpec/1.0');
  await expect(drawer).toContainText(/req-[0-9a-f]{8}/);
  await expect(drawer.getByRole('region', { name: 'Before' })).toContainText('"role": "member"');
  await expect(drawer.getByRole('region', { name: 'After' })).toContainText('"role": "viewer"');
  await shot('04-audit-details');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  await log.filterAuditByAction('Organization updated');
  await expect(log.auditEntries()).toHaveCount(1);
  await expect(renamed).toBeVisible();
  await page.getByLabel('Actor', { exact: true }).click();
  await page.getByRole('option', { name: /^Tom Target/ }).click();
  await expect(page).toHaveURL(/actor=/);
  await expect(page.getByText('No entries match these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(page).toHaveURL(tenantUrl(org.slug, '/audit'));
  await expect(log.auditEntries()).toHaveCount(3);
});

test('the demo organization’s history reads as a story, on a desktop and a phone', async ({ page, shot }) => {
  await new WorkspacePage(page, 'acme').signIn({ email: 'owner@acme.test', password: 'tenantforge-demo' }, '/audit');
  const log = new WorkspacePage(page, 'acme');
  await expect(log.auditEntries()).toHaveCount(25);
  await expect(log.auditEntries().first()).toContainText('Olivia Owner invited leo@northwind.test as viewer');
  await expect(log.auditEntry('Adam Admin changed Victor Viewer’s role from member to viewer')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Older entries' })).toBeVisible();
  await shot('05-demo-audit');
  await page.getByRole('link', { name: 'Older entries' }).click();
  await expect(log.auditEntry('Olivia Owner created the organization Acme')).toBeVisible();
  await page.getByRole('link', { name: 'Newest' }).click();
  await atPhoneWidth(page, async () => {
    await expect(log.auditEntries()).toHaveCount(25);
    expect(await overflowsSideways(page)).toBe(false);
    await shot('06-demo-audit-phone');
    await log.auditEntry('Adam Admin changed Victor Viewer’s role').getByRole('button', { name: 'Details' }).click();
    await expect(page.getByRole('dialog', { name: 'Entry details' })).toBeVisible();
    // The sheet covers the viewport (not the whole page): a viewport screenshot shows it as seen.
    await page.screenshot({ path: test.info().outputPath('07-demo-audit-details-phone.png') });
    await page.keyboard.press('Escape');
  });
});
