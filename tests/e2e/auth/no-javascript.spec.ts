import { AccountPage } from '../pages/account.po';
import { SignInPage } from '../pages/sign-in.po';
import { createConfirmedUser, expect, screenshot, test } from './fixtures';

test.describe('without JavaScript', () => {
  test('the sign-in form still works: error, then sign in, then sign out', async ({ browser }, testInfo) => {
    const user = await createConfirmedUser('no-js');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.goto('/account');
    await screenshot(page, testInfo, '01-sign-in-no-js', { dark: false });

    await signIn.signIn(user.email, `${user.password}-wrong`);
    await expect(signIn.alert).toHaveText('That email and password do not match. Check both and try again.');
    await expect(signIn.email).toHaveValue(user.email);
    await screenshot(page, testInfo, '02-sign-in-no-js-wrong-password', { dark: false });

    await signIn.signIn(user.email, user.password);
    const account = new AccountPage(page);
    await account.expectSignedInAs(user.email);
    await screenshot(page, testInfo, '03-account-no-js', { dark: false });

    await account.signOut();
    await expect(page).toHaveURL(/\/sign-in\?notice=signed-out$/);
    await expect(signIn.notice).toHaveText('You are signed out.');
    await account.goto();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
    await context.close();
  });
});
