import crypto from 'node:crypto';
import { hashSecretToken } from '../../../lib/crypto/secret-token';
import { createConfirmedUser, expect, newPassword, test, uniqueEmail } from '../auth/fixtures';
import { CheckEmailPage } from '../pages/check-email.po';
import { SignUpPage } from '../pages/sign-up.po';
import { WorkspacePage } from '../pages/workspace.po';
import { adminDb, closeAdminDb, createOrg, type ApiOrg } from '../support/api-fixtures';
import { listMail, waitForMail } from '../support/mailbox';
import { tenantUrl } from '../support/stack';

test.afterAll(() => closeAdminDb());

/** A pending invitation to `email` and the token its link carries (the email itself is another spec's subject). */
async function invite(org: ApiOrg, email: string, role: 'admin' | 'member' | 'viewer' = 'member'): Promise<string> {
  const inviter = await createConfirmedUser('inviter');
  await adminDb()`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${inviter.id}, 'owner')`;
  const token = crypto.randomBytes(32).toString('base64url');
  await adminDb()`insert into public.invitations (org_id, email, role, token_hash, invited_by)
                  values (${org.id}, ${email.toLowerCase()}, ${role}, ${hashSecretToken(token)}, ${inviter.id})`;
  return token;
}

async function roleIn(org: ApiOrg, email: string): Promise<string | null> {
  const [row] = await adminDb()<{ role: string }[]>`
    select m.role from public.memberships m join auth.users u on u.id = m.user_id
    where m.org_id = ${org.id} and lower(u.email) = ${email.toLowerCase()}`;
  return row?.role ?? null;
}

test('an invitee who signs up with the invited address is in at once: no confirmation email', async ({ page, shot }) => {
  const org = await createOrg('invitee', 'Juniper Labs');
  const email = uniqueEmail('invitee');
  const token = await invite(org, email, 'viewer');

  await page.goto(tenantUrl(org.slug, `/invite/${token}`));
  await expect(page.getByRole('heading', { level: 1, name: 'Join Juniper Labs' })).toBeVisible();
  await page.getByRole('link', { name: 'Create an account to accept' }).click();
  const signUp = new SignUpPage(page);
  await expect(signUp.heading).toBeVisible();
  await expect(page.getByRole('main')).toContainText('no confirmation email');
  await expect(signUp.email).toHaveValue(email);
  await shot('01-invitee-sign-up');
  await signUp.signUp({ name: 'Iris Invitee', email, password: newPassword() });

  const workspace = new WorkspacePage(page, org.slug);
  await workspace.expectOverview('Juniper Labs');
  await expect(page.getByText('You joined Juniper Labs')).toBeVisible();
  expect(await roleIn(org, email)).toBe('viewer');
  const [user] = await adminDb()<{ confirmed: boolean }[]>`
    select email_confirmed_at is not null as confirmed from auth.users where lower(email) = ${email.toLowerCase()}`;
  expect(user?.confirmed).toBe(true);
  expect(await listMail(email)).toEqual([]);
  // The link is used up.
  await page.goto(tenantUrl(org.slug, `/invite/${token}`));
  await expect(page.getByText('This invitation was already used.')).toBeVisible();
});

test('signing up through an invitation with another address still confirms that address by email', async ({ page }) => {
  const org = await createOrg('invitee-other', 'Quarry Partners');
  const invited = uniqueEmail('invited');
  const token = await invite(org, invited);
  const other = uniqueEmail('other-address');

  await page.goto(tenantUrl(org.slug, `/sign-up?next=${encodeURIComponent(`/invite/${token}`)}`));
  const signUp = new SignUpPage(page);
  await signUp.email.fill('');
  await signUp.signUp({ email: other, password: newPassword() });
  await new CheckEmailPage(page).expectFor(other);
  const mail = await waitForMail(other, { kind: 'signup' });
  expect(new URL(mail.redirect_to).searchParams.get('next')).toBe(`/invite/${token}`);
  expect(await roleIn(org, other)).toBeNull();
  expect(await roleIn(org, invited)).toBeNull();
});
