import { randomBytes } from 'node:crypto';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { createClient } from '@supabase/supabase-js';
import { e2eStack } from '../support/stack';

/** A fresh address per call: the auth server allows one email per address per minute. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@example.com`;
}

/** A strong, unique password (long enough for config.toml's minimum_password_length and the app's forms). */
export function newPassword(): string {
  return `Tf-${randomBytes(6).toString('hex')}-orbit`;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  name: string;
}

/** A confirmed user made through the admin API (secret key), for journeys that start signed out. */
export async function createConfirmedUser(label: string, name = 'Grace Hopper'): Promise<TestUser> {
  const { authUrl, secretKey } = e2eStack();
  const admin = createClient(authUrl, secretKey, { auth: { persistSession: false, autoRefreshToken: false } });
  const email = uniqueEmail(label);
  const password = newPassword();
  const { data, error } = await admin.auth.admin.createUser({
    email,
    password,
    email_confirm: true,
    user_metadata: { full_name: name },
  });
  if (error || !data.user) throw new Error(`Could not create ${email}: ${error?.message}`);
  return { id: data.user.id, email, password, name };
}

/**
 * Full-page screenshot `<name>.png`, and `<name>-dark.png` in the dark theme
 * (the app follows the system theme by default) unless the page runs no JavaScript.
 */
export async function screenshot(page: Page, testInfo: TestInfo, name: string, options: { dark?: boolean } = {}) {
  // From the top, so the sticky header sits where a person sees it.
  if (options.dark !== false) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  if (options.dark === false) return;
  const html = page.locator('html');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveClass(/\bdark\b/);
  await page.screenshot({ path: testInfo.outputPath(`${name}-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).not.toHaveClass(/\bdark\b/);
}

type Shot = (name: string, options?: { page?: Page; dark?: boolean }) => Promise<void>;

/** `shot(name)` screenshots the test's page (or `options.page`) in light and dark. */
export const test = base.extend<{ shot: Shot }>({
  shot: async ({ page }, use, testInfo) => {
    await use((name, options = {}) => screenshot(options.page ?? page, testInfo, name, options));
  },
});

export { expect };

/**
 * Signs `user` in through the sign-in page and waits for the account page
 * (asked for as the return path: without one, sign-in opens "Your workspaces").
 */
export async function signInAs(page: Page, user: Pick<TestUser, 'email' | 'password'>, next = '/account') {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  const form = page.getByRole('form', { name: 'Sign in with password' });
  await form.getByLabel('Email', { exact: true }).fill(user.email);
  await form.getByLabel('Password', { exact: true }).fill(user.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('account-email')).toHaveText(user.email);
}

/** Asks the auth server itself (supabase-js) whether a refresh token still works. */
export async function refreshWith(refreshToken: string) {
  const { authUrl, publishableKey } = e2eStack();
  const client = createClient(authUrl, publishableKey, { auth: { persistSession: false, autoRefreshToken: false } });
  return client.auth.refreshSession({ refresh_token: refreshToken });
}
