import { expect, type Page } from '@playwright/test';
import { tenantUrl } from './stack';

/** Signs in on the tenant host (its own session cookies) and lands on `path`. */
export async function signInOnTenant(page: Page, slug: string, user: { email: string; password: string }, path: string) {
  await page.goto(tenantUrl(slug, path));
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(tenantUrl(slug, path));
}
