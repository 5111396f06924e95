import { expect, type Page } from '@playwright/test';

export type ThemeName = 'System' | 'Light' | 'Dark';

/** The one footer of every host (apex and tenant), with the one theme control. */
export class SiteFooter {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  get footer() {
    return this.page.getByRole('contentinfo');
  }

  get themeSwitcher() {
    return this.footer.getByRole('radiogroup', { name: 'Theme' });
  }

  themeOption(name: ThemeName) {
    return this.themeSwitcher.getByRole('radio', { name });
  }

  /** Chooses a theme and waits until the (hydrated) control shows it chosen. */
  async chooseTheme(name: ThemeName) {
    await this.themeOption(name).click();
    await expect(this.themeOption(name)).toHaveAttribute('aria-checked', 'true');
  }
}
