import { test, expect } from '../fixtures';
import { t } from '../locales';
import { HELPLINES } from '../services';
import { AppShell } from '../pages/AppShell';
import { HomePage } from '../pages/HomePage';

test.describe('app shell', () => {
  test('home is in Hindi by default', async ({ page }) => {
    const home = new HomePage(page);
    await home.open();
    await home.expectLanguage('hi');
    await home.expectTitle('hi');
    await expect(page.locator('main#main h1')).toHaveCount(1);
    await expect(page).toHaveTitle(`${t('hi', 'home.title')} – ${t('hi', 'common.app_name')}`);
  });

  test('home in English when English was chosen before', async ({ page }) => {
    const home = new HomePage(page);
    await home.preferLanguage('en');
    await home.open();
    await home.expectLanguage('en');
    await home.expectTitle('en');
    await expect(page).toHaveTitle(`${t('en', 'home.title')} – ${t('en', 'common.app_name')}`);
  });

  for (const path of ['/', '/helplines']) {
    test(`switching language on ${path} changes header and h1 and keeps the URL`, async ({ page }) => {
      const shell = new AppShell(page);
      await shell.goto(path);
      const titleKey = path === '/' ? 'home.title' : 'services.helplines_title';
      await expect(shell.h1).toHaveText(t('hi', titleKey));

      await shell.switchLanguage();
      await shell.expectLanguage('en');
      await expect(shell.h1).toHaveText(t('en', titleKey));
      expect(new URL(page.url()).pathname).toBe(path);

      await shell.switchLanguage();
      await shell.expectLanguage('hi');
      await expect(shell.h1).toHaveText(t('hi', titleKey));
      expect(new URL(page.url()).pathname).toBe(path);
    });
  }

  test('language choice persists across reload', async ({ page }) => {
    const home = new HomePage(page);
    await home.open();
    await home.switchLanguage();
    await home.expectLanguage('en');
    expect(await page.evaluate(() => localStorage.getItem('ns.lang'))).toBe('en');

    await page.reload();
    await home.booted();
    await home.expectLanguage('en');
    await home.expectTitle('en');
  });

  test('text size has three steps that grow the root font size', async ({ page }) => {
    const shell = new AppShell(page);
    await shell.goto('/');
    await expect(shell.textSizeButtons).toHaveCount(3);
    const [normal, larger, largest] = [0, 1, 2].map((i) => shell.textSizeButtons.nth(i));
    await expect(normal).toHaveAttribute('aria-pressed', 'true');
    await expect(larger).toHaveAttribute('aria-pressed', 'false');
    await expect(largest).toHaveAttribute('aria-pressed', 'false');
    const base = await shell.rootFontSizePx();

    await larger.click();
    await expect(larger).toHaveAttribute('aria-pressed', 'true');
    await expect(normal).toHaveAttribute('aria-pressed', 'false');
    await expect(shell.html).toHaveClass(/(^|\s)ns-text-1(\s|$)/);
    const step1 = await shell.rootFontSizePx();
    expect(step1).toBeGreaterThan(base);

    await largest.click();
    await expect(largest).toHaveAttribute('aria-pressed', 'true');
    await expect(shell.html).toHaveClass(/(^|\s)ns-text-2(\s|$)/);
    await expect(shell.html).not.toHaveClass(/(^|\s)ns-text-1(\s|$)/);
    expect(await shell.rootFontSizePx()).toBeGreaterThan(step1);

    // The choice is remembered.
    expect(await page.evaluate(() => localStorage.getItem('ns.text-size'))).not.toBeNull();
    await page.reload();
    await shell.booted();
    await expect(shell.html).toHaveClass(/(^|\s)ns-text-2(\s|$)/);
    await expect(shell.textSizeButtons.nth(2)).toHaveAttribute('aria-pressed', 'true');

    await shell.textSizeButtons.nth(0).click();
    await expect(shell.html).not.toHaveClass(/ns-text-[12]/);
    expect(await shell.rootFontSizePx()).toBe(base);
  });

  test('skip link is the first Tab stop and moves focus to main', async ({ page }) => {
    const shell = new AppShell(page);
    await shell.goto('/');
    await page.keyboard.press('Tab');
    await expect(shell.skipLink).toBeFocused();
    await expect(shell.skipLink).toBeVisible();
    await expect(shell.skipLink).toHaveText(t('hi', 'common.skip_to_content'));
    await page.keyboard.press('Enter');
    await expect(shell.main).toBeFocused();
  });

  test('footer offers the helplines as tel: links', async ({ page }) => {
    const shell = new AppShell(page);
    await shell.goto('/');
    for (const number of HELPLINES) {
      await expect(shell.footer.locator(`a[href="tel:${number}"]`)).toBeVisible();
    }
  });
});
