import { expect, test } from '@playwright/test';
import { LandingPage } from './pages/landing.po';

test.describe('smoke: the apex serves the product', () => {
  test('landing page says what the platform is, and the theme switch works', async ({ page }, testInfo) => {
    const landing = new LandingPage(page);
    await landing.goto();
    await expect(landing.heading).toContainText('industry templates');
    await expect(page.getByRole('heading', { name: 'Start from your industry' })).toBeVisible();
    for (const industry of ['Healthcare', 'Finance', 'E-commerce']) {
      await expect(page.getByRole('heading', { name: industry })).toBeVisible();
    }
    await page.screenshot({ path: testInfo.outputPath('landing-light.png'), fullPage: true });

    await landing.chooseTheme('Dark');
    await expect.poll(() => landing.isDark()).toBe(true);
    await page.reload();
    await expect.poll(() => landing.isDark()).toBe(true);
    await page.screenshot({ path: testInfo.outputPath('landing-dark.png'), fullPage: true });

    await landing.chooseTheme('Light');
    await expect.poll(() => landing.isDark()).toBe(false);
  });

  test('keyboard users can skip to content and reach the theme menu', async ({ page }) => {
    await new LandingPage(page).goto();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  });

  test('health reports the database up, with security headers', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
    const headers = response.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers['x-powered-by']).toBeUndefined();
  });

  test('an unknown page shows a friendly 404', async ({ page }, testInfo) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('not-found.png') });
  });
});
