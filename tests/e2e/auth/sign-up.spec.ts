import { AccountPage } from '../pages/account.po';
import { CheckEmailPage } from '../pages/check-email.po';
import { LandingPage } from '../pages/landing.po';
import { SignInPage } from '../pages/sign-in.po';
import { SignUpPage } from '../pages/sign-up.po';
import { SiteHeader } from '../pages/site-header.po';
import { WorkspacesPage } from '../pages/workspaces.po';
import { waitForMail } from '../support/mailbox';
import { expect, newPassword, test, uniqueEmail } from './fixtures';

test.describe('sign up', () => {
  test('sign up → confirmation mail → confirmed and signed in → account → sign out', async ({ page, shot }) => {
    test.setTimeout(120_000);
    const email = uniqueEmail('signup');
    const password = newPassword();
    const signUp = new SignUpPage(page);
    await signUp.goto();
    await shot('01-sign-up');

    await signUp.submit();
    await expect(signUp.fieldError('email')).toHaveText('Enter your email address.');
    await expect(signUp.fieldError('password')).toHaveText('Use at least 8 characters.');
    await shot('02-sign-up-missing-fields');

    // The app's form asks for 8 characters, as supabase/config.toml does of the auth server.
    await signUp.signUp({ name: 'Ada Lovelace', email, password: 'short12' });
    await expect(signUp.fieldError('password')).toHaveText('Use at least 8 characters.');
    await expect(signUp.email).toHaveValue(email);
    await expect(signUp.name).toHaveValue('Ada Lovelace');
    await shot('03-sign-up-short-password');

    await signUp.password.fill(password);
    await signUp.submit();
    const checkEmail = new CheckEmailPage(page);
    await checkEmail.expectFor(email);
    await shot('04-check-email');

    // Asking again at once is refused by the per-address limit, with the real wait.
    await checkEmail.resendButton.click();
    await expect(checkEmail.alert).toContainText(/You can ask for another in (\d+ seconds|1 minute)\./);
    await shot('05-check-email-resend-too-soon');

    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(email, password);
    await expect(signIn.alert).toContainText('Confirm your email first');
    await shot('06-sign-in-unconfirmed');

    const mail = await waitForMail(email, { kind: 'signup' });
    expect(mail.redirect_to).toContain('/auth/confirm');
    await page.goto(mail.action_link);
    // Confirmed and signed in; no return path asked for, so "Your workspaces" (none yet), then the account.
    const workspaces = new WorkspacesPage(page);
    await workspaces.expectSignedInAs(email);
    await expect(workspaces.emptyState).toBeVisible();
    await new SiteHeader(page).chooseFromMenu('Account');
    const account = new AccountPage(page);
    await account.expectSignedInAs(email);
    await expect(page.getByRole('main')).toContainText('Ada Lovelace');
    await shot('07-account');

    await account.signOut();
    await expect(page).toHaveURL(/\/sign-in\?notice=signed-out$/);
    await expect(signIn.notice).toHaveText('You are signed out.');
    await shot('08-signed-out');
    await account.goto();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);

    // The link works once.
    await page.goto(mail.action_link);
    await expect(page).toHaveURL(/\/sign-in\?error=/);
    await expect(signIn.alert).toHaveText('This link has expired or was already used. Sign in below, or ask for a new link.');
    await shot('09-link-already-used');
  });

  test('"Create your workspace" signs up and, once confirmed, continues to the new organization', async ({ page, shot }) => {
    const email = uniqueEmail('get-started');
    const landing = new LandingPage(page);
    await landing.goto();
    await landing.createWorkspace.click();
    await expect(page).toHaveURL(/\/sign-up\?next=%2Fnew-organization$|\/sign-up\?next=\/new-organization$/);
    const signUp = new SignUpPage(page);
    await expect(signUp.heading).toBeVisible();
    await signUp.signUp({ email, password: newPassword() });
    await new CheckEmailPage(page).expectFor(email);
    await shot('01-check-email');

    const mail = await waitForMail(email, { kind: 'signup' });
    await page.goto(mail.action_link);
    await expect(page).toHaveURL(/^[^?]*\/new-organization$/);
  });
});
