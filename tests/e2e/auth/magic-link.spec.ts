import { WorkspacesPage } from '../pages/workspaces.po';
import { CheckEmailPage } from '../pages/check-email.po';
import { SignInPage } from '../pages/sign-in.po';
import { waitForMail } from '../support/mailbox';
import { createConfirmedUser, expect, test } from './fixtures';

test.describe('magic link', () => {
  test('sign in from the link in the mailbox; the link works once', async ({ page, browser, shot }) => {
    const user = await createConfirmedUser('magic-link');
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.requestMagicLink('not-an-email');
    await expect(page.locator('#magic-email-error')).toHaveText('Enter a valid email address.');
    await shot('01-magic-link-invalid-email');

    await signIn.requestMagicLink(user.email);
    await new CheckEmailPage(page).expectFor(user.email);
    await expect(page.getByRole('main')).toContainText('holds a link that signs you in');
    await shot('02-check-email-magic-link');

    const mail = await waitForMail(user.email, { kind: 'magiclink' });
    await page.goto(mail.action_link);
    // No return path asked for: the link opens "Your workspaces".
    await new WorkspacesPage(page).expectSignedInAs(user.email);
    await shot('03-your-workspaces');

    // Opened again (here in another browser), the used link explains itself.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(mail.action_link);
    await expect(otherPage).toHaveURL(/\/sign-in\?error=/);
    await expect(new SignInPage(otherPage).alert).toHaveText('This link has expired or was already used. Sign in below, or ask for a new link.');
    await shot('04-magic-link-used', { page: otherPage });
    await other.close();
  });
});
