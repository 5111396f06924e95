import { AccountPage } from '../pages/account.po';
import { SignInPage } from '../pages/sign-in.po';
import { waitForMail } from '../support/mailbox';
import { createConfirmedUser, expect, newPassword, signInAs, test, uniqueEmail } from './fixtures';

test.describe('account', () => {
  test('change password: mistakes are explained, then the new password is the one that works', async ({ page, shot }) => {
    const user = await createConfirmedUser('change-password');
    const fresh = newPassword();
    await signInAs(page, user);
    const account = new AccountPage(page);
    for (const section of ['Email address', 'Password', 'Sessions']) {
      await expect(page.getByRole('region', { name: section })).toBeVisible();
    }
    await shot('01-account');

    await account.changePassword(fresh, `${fresh}-typo`);
    await expect(account.passwordFieldError('confirm')).toHaveText('The two passwords do not match.');
    await account.changePassword('short12');
    await expect(account.passwordFieldError('password')).toHaveText('Use at least 8 characters.');
    await shot('02-change-password-short');

    await account.changePassword(fresh);
    await expect(account.passwordStatus).toHaveText('Your password was changed.');
    await shot('03-change-password-done');

    await account.signOut();
    const signIn = new SignInPage(page);
    await signIn.signIn(user.email, user.password);
    await expect(signIn.alert).toContainText('do not match');
    await signInAs(page, { email: user.email, password: fresh });
  });

  test('change email: both addresses confirm, then the account shows the new one', async ({ page, shot }) => {
    const user = await createConfirmedUser('change-email');
    const newEmail = uniqueEmail('changed-to');
    await signInAs(page, user);
    const account = new AccountPage(page);

    await account.changeEmail(user.email);
    await expect(page.locator('#new-email-error')).toHaveText('That is already your email address.');
    await account.changeEmail(newEmail);
    await expect(account.emailStatus).toContainText(`We sent a confirmation link to ${newEmail}`);
    await shot('01-change-email-sent');

    const toNew = await waitForMail(newEmail, { kind: 'email_change_new' });
    const toCurrent = await waitForMail(user.email, { kind: 'email_change_current' });

    // One link alone changes nothing, and the page says what is left to do.
    await page.goto(toNew.action_link);
    // (The auth server's #message fragment rides along; the page does not need it.)
    await expect(page).toHaveURL(/\/check-email\?reason=email-change(#|$)/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('One more link to open');
    await shot('02-email-change-one-more-link');
    await page.getByRole('link', { name: 'Back to your account' }).click();
    await account.expectSignedInAs(user.email);

    await page.goto(toCurrent.action_link);
    await account.expectSignedInAs(newEmail);
    await expect(account.notice).toHaveText('Your email address change is confirmed.');
    await shot('03-email-changed');

    await account.signOut();
    await signInAs(page, { email: newEmail, password: user.password });
  });
});
