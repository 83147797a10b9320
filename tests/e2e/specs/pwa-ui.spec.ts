import { test, expect } from '../fixtures';
import { t } from '../locales';
import { AppShell } from '../pages/AppShell';
import { ComplaintForm, sampleComplaint } from '../pages/ComplaintForm';

test('offline: a notice says so; back online, a banner leads back to the saved complaint', async ({ page, context }) => {
  const form = new ComplaintForm(page, 'hi');
  await form.start();
  await form.fillAboutYou(sampleComplaint());
  await context.setOffline(true);
  const offline = page.locator('[data-testid="offline"]');
  await expect(offline).toContainText(t('hi', 'common.offline'));
  await page.locator('#f-house').fill('Flat 3, Boring Road'); // typing goes on, and is kept
  await context.setOffline(false);
  await expect(offline).toHaveCount(0);
  const back = page.locator('[data-testid="back-online"]');
  await expect(back).toContainText(t('hi', 'common.back_online'));
  await back.getByRole('link', { name: t('hi', 'common.back_online_link') }).click();
  await expect(form.h1).toHaveText(t('hi', 'forms.check_title'));
  await expect(page.locator('main')).toContainText('Flat 3, Boring Road');
});

test('the install button appears only when the browser offers installation, never on a kiosk', async ({ page }) => {
  // A phone's width, where a header that grew a button would wrap.
  await page.setViewportSize({ width: 360, height: 740 });
  const shell = new AppShell(page);
  await shell.preferLanguage('en');
  await shell.goto('/');
  const install = page.locator('[data-testid="install"]');
  await expect(install).toHaveCount(0);
  await expect(page.locator('footer [data-testid="install-help"]')).toBeVisible();
  const mainTop = () => page.locator('main').evaluate((m) => m.getBoundingClientRect().top);
  const before = await mainTop();
  await page.evaluate(() => window.dispatchEvent(new Event('ns-pwa-installable')));
  // In the footer, in place of the help: the page above it does not move when it comes.
  await expect(page.locator('footer [data-testid="install"]')).toHaveText(t('en', 'common.install'));
  await expect(page.locator('[data-testid="install-help"]')).toHaveCount(0);
  expect(await mainTop()).toBe(before);

  await shell.goto('/?kiosk=1');
  await page.evaluate(() => window.dispatchEvent(new Event('ns-pwa-installable')));
  await page.waitForTimeout(300);
  await expect(install).toHaveCount(0);
  await expect(page.locator('[data-testid="install-help"]')).toHaveCount(0);
});

test('a waiting new version shows a banner and reloads only when asked', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.preferLanguage('en');
  await shell.goto('/helplines');
  await page.evaluate(() => {
    // Stand in for pwa.js's worker bookkeeping: record whether the app asked to update.
    (window as unknown as { nsPwa: Record<string, unknown> }).nsPwa = {
      ...((window as unknown as { nsPwa?: object }).nsPwa ?? {}),
      applyUpdate: () => ((window as unknown as { updateAsked: boolean }).updateAsked = true),
    };
    window.dispatchEvent(new Event('ns-pwa-update'));
  });
  const banner = page.locator('[data-testid="update-banner"]');
  await expect(banner).toContainText(t('en', 'common.update_available'));
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { updateAsked?: boolean }).updateAsked)).toBeFalsy();
  await banner.getByRole('button', { name: t('en', 'common.update_reload') }).click();
  expect(await page.evaluate(() => (window as unknown as { updateAsked?: boolean }).updateAsked)).toBe(true);
});
