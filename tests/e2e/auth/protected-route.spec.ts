import { AccountPage } from '../pages/account.po';
import { LandingPage } from '../pages/landing.po';
import { SignInPage } from '../pages/sign-in.po';
import { SiteHeader } from '../pages/site-header.po';
import { addMember, closeAdminDb, createOrg } from '../support/api-fixtures';
import { waitForMail } from '../support/mailbox';
import { tenantUrl } from '../support/stack';
import { createConfirmedUser, expect, test } from './fixtures';

test.describe('protected routes', () => {
  test('redirect to sign-in with the return path, and come back after signing in', async ({ page, shot }) => {
    const user = await createConfirmedUser('return-path');
    await page.goto('/account?from=e2e');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount%3Ffrom%3De2e$/);
    const signIn = new SignInPage(page);
    await expect(signIn.heading).toBeVisible();
    await expect(signIn.notice).toHaveText('Sign in to continue.');
    await shot('01-sign-in-with-return-path');

    await signIn.signIn(user.email, user.password);
    await expect(page).toHaveURL(/\/account\?from=e2e$/);
    await new AccountPage(page).expectSignedInAs(user.email);
  });

  test('the return path survives a magic link', async ({ page }) => {
    const user = await createConfirmedUser('return-path-link');
    await page.goto('/account?via=link');
    const signIn = new SignInPage(page);
    await signIn.requestMagicLink(user.email);
    const mail = await waitForMail(user.email, { kind: 'magiclink' });
    await page.goto(mail.action_link);
    await expect(page).toHaveURL(/\/account\?via=link$/);
    await new AccountPage(page).expectSignedInAs(user.email);
  });

  test('a return path to another site is ignored', async ({ page }) => {
    const user = await createConfirmedUser('open-redirect');
    const signIn = new SignInPage(page);
    await signIn.goto('https://evil.example/steal');
    await signIn.signIn(user.email, user.password);
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/workspaces\?from=sign-in$/);
  });

  test('the header and the landing page lead to sign-in and sign-up', async ({ page, shot }) => {
    await new LandingPage(page).goto();
    const header = new SiteHeader(page);
    await expect(header.getStarted).toHaveAttribute('href', '/sign-up?next=/new-organization');
    await expect(new LandingPage(page).createWorkspace).toHaveAttribute('href', '/sign-up?next=/new-organization');
    await shot('01-landing');

    await header.signIn.click();
    await expect(new SignInPage(page).heading).toBeVisible();
    await header.getStarted.click();
    await expect(page).toHaveURL(/\/sign-up\?next=%2Fnew-organization$|\/sign-up\?next=\/new-organization$/);
    // The other auth page keeps the return path.
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fnew-organization$/);
    await page.getByRole('main').getByRole('link', { name: 'Create an account' }).click();
    await expect(page).toHaveURL(/\/sign-up\?next=%2Fnew-organization$/);
  });

  test('the sign-in page fits a phone screen', async ({ page, shot }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await new SignInPage(page).goto();
    const header = new SiteHeader(page);
    await expect(header.getStarted).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await shot('01-sign-in-phone');
  });
});

test.describe('protected routes on a tenant host', () => {
  test.afterAll(() => closeAdminDb());

  test('sign-in on the tenant host comes back to the tenant page asked for', async ({ page, shot }) => {
    const user = await createConfirmedUser('tenant-return');
    const org = await createOrg('ret', 'Return Path Co');
    await addMember(org, { id: user.id, email: user.email, token: '' }, 'member');

    await page.goto(tenantUrl(org.slug, '/members'));
    await expect(page).toHaveURL(tenantUrl(org.slug, '/sign-in?next=%2Fmembers'));
    await expect(page.getByRole('main')).toContainText('Sign in to Return Path Co');
    await shot('01-tenant-sign-in');
    await new SignInPage(page).signIn(user.email, user.password);
    await expect(page).toHaveURL(tenantUrl(org.slug, '/members'));
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  });
});
