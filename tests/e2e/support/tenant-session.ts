import { expect, type Page } from '@playwright/test';
import { tenantUrl } from './stack';

/** Signs in on a tenant host (its own session cookies) from `path`, and lands back on it. */
export async function signInOnTenant(page: Page, slug: string, user: { email: string; password: string }, path = '/') {
  await page.goto(tenantUrl(slug, path));
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(tenantUrl(slug, path), { timeout: 30_000 });
  // The page streams in (loading states first): wait until the document has arrived.
  await page.waitForLoadState('load');
}

/** The page at phone width (390 x 844) and back, for screenshots and overflow checks. */
export async function atPhoneWidth<T>(page: Page, fn: () => Promise<T>): Promise<T> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    return await fn();
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/** True when the page is wider than the viewport (it scrolls sideways). */
export const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
