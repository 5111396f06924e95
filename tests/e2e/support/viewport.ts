import type { Page } from '@playwright/test';

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
