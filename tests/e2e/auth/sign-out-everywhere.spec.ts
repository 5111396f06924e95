import type { Browser } from '@playwright/test';
import { AccountPage } from '../pages/account.po';
import { SignInPage } from '../pages/sign-in.po';
import { createConfirmedUser, expect, refreshWith, signInAs, test, type TestUser } from './fixtures';
import { expireStoredSession, hasSessionCookie, readSession } from './session-cookie';

/**
 * Access tokens are self-contained JWTs the app verifies locally; the database
 * refuses a signed-out session's token at once wherever the app reads data
 * (tenant pages and the API: tests/e2e/api/session-ended.spec.ts). Sign-out also
 * revokes the session's refresh token and the auth server refuses the session.
 * So these tests check (1) at the auth API,
 * that the other browser's refresh token no longer works, (2) in the other browser,
 * that once its access token is due for renewal (the stored expiry moved into the
 * past) the next page load signs it out, and (3) that a change the server must
 * accept sends the other browser to sign in. Controls with a plain "Sign out"
 * show the same steps keep a live session signed in.
 */
async function signedInBrowser(browser: Browser, user: TestUser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, user);
  return { context, page };
}

test.describe('sign out everywhere', () => {
  test('ends the sessions of the other browsers', async ({ page, browser, shot }) => {
    const user = await createConfirmedUser('everywhere');
    await signInAs(page, user);
    const renewing = await signedInBrowser(browser, user);
    const changing = await signedInBrowser(browser, user);

    const account = new AccountPage(page);
    await account.signOutEverywhere();
    await expect(page).toHaveURL(/\/sign-in\?notice=signed-out-everywhere$/);
    await expect(new SignInPage(page).notice).toHaveText('You are signed out on every device.');
    await shot('01-signed-out-everywhere');

    // (1) The auth server refuses the other browser's refresh token.
    const { refresh_token } = await readSession(renewing.context);
    const refreshed = await refreshWith(refresh_token);
    expect(refreshed.data.session).toBeNull();
    expect(refreshed.error?.status).toBeGreaterThanOrEqual(400);

    // (2) Due for renewal, the other browser's session cannot be renewed: signed out.
    await expireStoredSession(renewing.context);
    await renewing.page.reload();
    await expect(renewing.page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
    expect(await hasSessionCookie(renewing.context)).toBe(false);
    await shot('02-other-browser-signed-out', { page: renewing.page });

    // (3) A change the server must accept tells the other browser to sign in again.
    await new AccountPage(changing.page).changePassword('an-ok-password-42');
    await expect(changing.page).toHaveURL(/\/sign-in\?next=%2Faccount&error=/);
    await expect(new SignInPage(changing.page).alert).toHaveText('Your session has ended. Sign in again.');
    expect(await hasSessionCookie(changing.context)).toBe(false);
    await shot('03-other-browser-session-ended', { page: changing.page });

    await renewing.context.close();
    await changing.context.close();
  });

  test('control: a plain sign-out leaves the other browsers signed in', async ({ page, browser }) => {
    const user = await createConfirmedUser('sign-out-local');
    await signInAs(page, user);
    const other = await signedInBrowser(browser, user);
    const before = await readSession(other.context);

    await new AccountPage(page).signOut();
    await expect(page).toHaveURL(/\/sign-in\?notice=signed-out$/);

    await expireStoredSession(other.context);
    await other.page.reload();
    await new AccountPage(other.page).expectSignedInAs(user.email);
    // The session was renewed: a new refresh token replaced the old one.
    expect((await readSession(other.context)).refresh_token).not.toBe(before.refresh_token);

    await new AccountPage(other.page).changePassword('an-ok-password-42');
    await expect(new AccountPage(other.page).passwordStatus).toHaveText('Your password was changed.');
    await other.context.close();
  });
});
