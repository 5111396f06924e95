import { AccountPage } from '../pages/account.po';
import { SignInPage } from '../pages/sign-in.po';
import { SiteHeader } from '../pages/site-header.po';
import { WorkspacesPage } from '../pages/workspaces.po';
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
    // Without a return path, sign-in opens "Your workspaces" (none yet: the way to create one).
    const workspaces = new WorkspacesPage(page);
    await workspaces.expectSignedInAs(user.email);
    await expect(workspaces.emptyState).toBeVisible();
    await new SiteHeader(page).expectSignedIn(user.email);
    await shot('04-your-workspaces');

    // The account is one step away, from the avatar menu, and links back.
    await new SiteHeader(page).chooseFromMenu('Account');
    await new AccountPage(page).expectSignedInAs(user.email);
    await page.getByRole('main').getByRole('link', { name: 'Your workspaces' }).click();
    await workspaces.expectSignedInAs(user.email);

    // Signed in, the sign-in and sign-up pages lead straight to "Your workspaces".
    await page.goto('/sign-in');
    await expect(page).toHaveURL(/\/workspaces\?from=sign-in$/);
    await page.goto('/sign-up');
    await expect(page).toHaveURL(/\/workspaces\?from=sign-in$/);
  });

  test('an unknown email gets the same answer as a wrong password', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(uniqueEmail('nobody'), 'whatever-password-1');
    await expect(signIn.alert).toHaveText('That email and password do not match. Check both and try again.');
  });
});
