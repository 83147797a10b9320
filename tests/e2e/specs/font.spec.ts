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
  test.setTimeout(90_000);
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
    await expect.poll(() => fontRequests).toEqual([FONT_PATH]);
    // The page's fallback face loaded (fetched, decoded, matched by the Hindi on the page).
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            await document.fonts.ready;
            return [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Nagrik Devanagari').map((f) => f.status);
          }),
        { timeout: 30_000 },
      )
      .toEqual(['loaded']);
    // The Devanagari of the page is drawn with the web font, not as boxes: the header's name
    // and the introduction, in their first layout after the face loaded. (The heading is left
    // out: on a loaded machine Chromium once in six loads kept its first, boxed layout of the
    // h1 after the face loaded, until the next re-render; see issue 14's note.)
    for (const selector of ['.ns-header__name', 'main p']) {
      await expect
        .poll(async () => (await fontsDrawing(page, selector)).filter((f) => f.isCustomFont), { timeout: 30_000 })
        .toEqual([expect.objectContaining({ familyName: 'Noto Sans Devanagari' })]);
      const custom = (await fontsDrawing(page, selector)).find((f) => f.isCustomFont)!;
      expect(custom.glyphCount, selector).toBeGreaterThanOrEqual(8);
    }
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

// The favicon's letter is drawn as a shape, not as text: a tab or home-screen icon shows न
// even where the machine has no Devanagari font (a text letter showed as an empty box there),
// and the browser lays out no text for it (a text letter cost 10–36 ms of the page's main
// thread in every Lighthouse run).
test('the favicon looks the same with and without a Devanagari font on the machine', async ({ playwright }) => {
  const shots: Buffer[] = [];
  for (const fonts of ['phone', 'no-devanagari'] as const) {
    const browser = await playwright.chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, env: fontsEnv(fonts) });
    try {
      const page = await browser.newPage({ baseURL: BASE_URL, serviceWorkers: 'block' });
      const svg = await (await page.request.get('/favicon.svg')).text();
      await page.setContent(`<body style="margin:0"><img alt="" width="128" height="128" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body>`);
      const img = page.locator('img');
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
      shots.push(await img.screenshot());
    } finally {
      await browser.close();
    }
  }
  expect(shots[0].equals(shots[1])).toBe(true);
});
