import { AccountPage } from '../pages/account.po';
import { WorkspacesPage } from '../pages/workspaces.po';
import { CheckEmailPage } from '../pages/check-email.po';
import { ForgotPasswordPage } from '../pages/forgot-password.po';
import { ResetPasswordPage } from '../pages/reset-password.po';
import { SignInPage } from '../pages/sign-in.po';
import { waitForMail } from '../support/mailbox';
import { createConfirmedUser, expect, newPassword, test, uniqueEmail } from './fixtures';

test.describe('password reset', () => {
  test('forgot password → recovery mail → new password → signed in; the old password stops working', async ({ page, shot }) => {
    const user = await createConfirmedUser('reset');
    const fresh = newPassword();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.forgotPassword();
    const forgot = new ForgotPasswordPage(page);
    await forgot.expectOpen();
    await shot('01-forgot-password');

    await forgot.requestLink(user.email);
    await new CheckEmailPage(page).expectFor(user.email);
    await expect(page.getByRole('main')).toContainText('a link to choose a new password');
    await shot('02-check-email-recovery');

    const mail = await waitForMail(user.email, { kind: 'recovery' });
    await page.goto(mail.action_link);
    const reset = new ResetPasswordPage(page);
    await reset.expectOpen(user.email);
    await shot('03-reset-password');

    await reset.setPassword(fresh, `${fresh}-typo`);
    await expect(reset.confirmError).toHaveText('The two passwords do not match.');
    await shot('04-reset-password-mismatch');

    await reset.setPassword(user.password);
    await expect(reset.passwordError).toHaveText('The new password must be different from the current one.');
    await shot('05-reset-password-same');

    await reset.setPassword(fresh);
    const account = new AccountPage(page);
    await account.expectSignedInAs(user.email);
    await expect(account.notice).toHaveText('Your new password is saved.');
    await shot('06-account-after-reset');

    await account.signOut();
    await signIn.signIn(user.email, user.password);
    await expect(signIn.alert).toContainText('do not match');
    await signIn.password.fill(fresh);
    await signIn.password.press('Enter');
    await new WorkspacesPage(page).expectSignedInAs(user.email);
  });

  test('an unknown address gets the same answer as a known one', async ({ page }) => {
    const email = uniqueEmail('no-account');
    const forgot = new ForgotPasswordPage(page);
    await page.goto('/forgot-password');
    await forgot.requestLink(email);
    await new CheckEmailPage(page).expectFor(email);
  });
});
