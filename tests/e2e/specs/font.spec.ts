// Hindi never shows as empty boxes: on a machine with no Devanagari font (a stock Debian kiosk
// image) the app's own web font draws it; a browser that has a system Devanagari font (every
// other test's, like a phone) downloads no font at all.
import { test, expect } from '../fixtures';
import { BASE_URL, CHROMIUM_ARGS, CHROMIUM_PATH, fontsEnv } from '../browser';
import { t } from '../locales';
import type { Page } from '@playwright/test';

const FONT_PATH = '/fonts/noto-sans-devanagari-400.woff2';

/** The fonts Chromium drew the element's text with, as DevTools lists them. */
async function fontsDrawing(page: Page, selector: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  return fonts;
}

test('with no Devanagari font on the machine, Hindi is drawn with the app\'s web font', async ({ playwright }) => {
  const browser = await playwright.chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    env: fontsEnv('no-devanagari'),
  });
  try {
    const page = await browser.newPage({ baseURL: BASE_URL, serviceWorkers: 'block' });
    const fontRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/fonts/')) fontRequests.push(new URL(r.url()).pathname);
    });
    await page.goto('/');
    const h1 = page.locator('main h1');
    await expect(h1).toHaveText(t('hi', 'home.title'));
    await page.evaluate(() => document.fonts.ready);
    await expect.poll(() => fontRequests).toEqual([FONT_PATH]);
    // Every Devanagari glyph of the heading comes from the web font, none from a fallback box.
    await expect
      .poll(async () => (await fontsDrawing(page, 'main h1')).filter((f) => f.isCustomFont))
      .toEqual([expect.objectContaining({ familyName: 'Noto Sans Devanagari' })]);
    const fonts = await fontsDrawing(page, 'main h1');
    const devanagari = [...t('hi', 'home.title')].filter((c) => /[\u0900-\u097F]/.test(c)).length;
    const custom = fonts.find((f) => f.isCustomFont)!;
    expect(custom.glyphCount).toBeGreaterThanOrEqual(devanagari / 2);
    const response = await page.request.get(FONT_PATH);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('font/woff2');
  } finally {
    await browser.close();
  }
});

test('a browser with a system Devanagari font, as a phone has, downloads no font', async ({ page }) => {
  const fontRequests: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/fonts/')) fontRequests.push(r.url());
  });
  await page.goto('/');
  await expect(page.locator('main h1')).toHaveText(t('hi', 'home.title'));
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  expect(fontRequests).toEqual([]);
  // Drawn with the system's Noto Sans Devanagari, found by name.
  const fonts = await fontsDrawing(page, 'main h1');
  expect(fonts.map((f) => f.familyName)).toContain('Noto Sans Devanagari');
});
