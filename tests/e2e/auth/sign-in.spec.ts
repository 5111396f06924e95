import { AccountPage } from '../pages/account.po';
import { SignInPage } from '../pages/sign-in.po';
import { SiteHeader } from '../pages/site-header.po';
import { createConfirmedUser, expect, test, uniqueEmail } from './fixtures';

test.describe('sign in with a password', () => {
  test('a wrong password gives a clear error and keeps the email; the right one signs in', async ({ page, shot }) => {
    const user = await createConfirmedUser('sign-in');
    const signIn = new SignInPage(page);
    await signIn.goto();
    await expect(new SiteHeader(page).signIn).toBeVisible();
    await shot('01-sign-in');

    await signIn.signIn('', '');
    await expect(page.locator('#field-email-error')).toHaveText('Enter your email address.');
    await expect(page.locator('#field-password-error')).toHaveText('Enter your password.');
    await shot('02-sign-in-missing-fields');

    await signIn.signIn(user.email, `${user.password}-wrong`);
    await expect(signIn.alert).toHaveText('That email and password do not match. Check both and try again.');
    await expect(signIn.email).toHaveValue(user.email);
    await expect(signIn.password).toHaveValue('');
    await shot('03-sign-in-wrong-password');

    await signIn.password.fill(user.password);
    await signIn.password.press('Enter');
    const account = new AccountPage(page);
    await account.expectSignedInAs(user.email);
    await expect(new SiteHeader(page).account).toBeVisible();
    await expect(new SiteHeader(page).signIn).toHaveCount(0);
    await shot('04-account');

    // Signed in, the sign-in and sign-up pages lead straight to the account.
    await page.goto('/sign-in');
    await expect(page).toHaveURL(/\/account$/);
    await page.goto('/sign-up');
    await expect(page).toHaveURL(/\/account$/);
  });

  test('an unknown email gets the same answer as a wrong password', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(uniqueEmail('nobody'), 'whatever-password-1');
    await expect(signIn.alert).toHaveText('That email and password do not match. Check both and try again.');
  });
});
