import { expect, type Locator, type Page } from '@playwright/test';
import { t, type Lang } from '../locales';

/** What every page shares: skip link, header (brand, language, text size), main, footer. */
export class AppShell {
  readonly html: Locator;
  readonly skipLink: Locator;
  readonly header: Locator;
  readonly brand: Locator;
  readonly langSwitch: Locator;
  readonly textSize: Locator;
  readonly textSizeButtons: Locator;
  readonly main: Locator;
  readonly h1: Locator;
  readonly footer: Locator;

  constructor(readonly page: Page) {
    this.html = page.locator('html');
    this.skipLink = page.locator('a.ns-skip-link[href="#main"]');
    this.header = page.locator('header.ns-header');
    this.brand = this.header.locator('a.ns-header__brand');
    this.langSwitch = page.locator('button[data-testid="lang-switch"]');
    this.textSize = page.locator('[data-testid="text-size"]');
    this.textSizeButtons = this.textSize.locator('button');
    this.main = page.locator('main#main');
    this.h1 = this.main.locator('h1');
    this.footer = page.locator('footer.ns-footer');
  }

  /**
   * Chooses the language before the app boots, the way a returning visitor would have it.
   * Only fills an empty preference, so a choice made during the test survives reloads.
   */
  async preferLanguage(lang: Lang) {
    await this.page.addInitScript((l) => {
      if (!localStorage.getItem('ns.lang')) localStorage.setItem('ns.lang', l);
    }, lang);
  }

  /** Opens `path` and waits until the app (not the static boot screen) shows its h1. */
  async goto(path: string) {
    await this.page.goto(path);
    await this.booted();
  }

  async booted() {
    await expect(this.h1).toBeVisible();
  }

  async expectLanguage(lang: Lang) {
    await expect(this.html).toHaveAttribute('lang', lang);
    await expect(this.brand).toContainText(t(lang, 'common.app_name'));
    // The switch names the language you would switch *to*.
    await expect(this.langSwitch).toHaveText(t(lang, 'common.switch_language'));
  }

  async switchLanguage() {
    await this.langSwitch.click();
  }

  async rootFontSizePx(): Promise<number> {
    return this.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  }
}
