import { test, expect } from '../fixtures';
import { BASE_URL, CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser';

const DEVANAGARI = /[\u0900-\u097F]/;

test.describe('without WebAssembly or JavaScript', () => {
  test('a browser without WebAssembly gets the static fallback in both languages', async ({ playwright }) => {
    const browser = await playwright.chromium.launch({
      executablePath: CHROMIUM_PATH,
      // V8 in Chromium 156 no longer knows --noexpose_wasm (and stops reading --js-flags at
      // it); its jitless mode leaves WebAssembly undefined, like a browser without it.
      args: [...CHROMIUM_ARGS, '--js-flags=--jitless'],
    });
    try {
      const page = await browser.newPage({ baseURL: BASE_URL });
      await page.goto('/');
      expect(await page.evaluate(() => typeof WebAssembly)).toBe('undefined');
      const fallback = page.locator('#ns-nowasm');
      await expect(fallback).toBeVisible();
      const text = await fallback.innerText();
      expect(text).toMatch(DEVANAGARI);
      expect(text).toMatch(/112/);
      expect(text).toMatch(/police/i);
      expect(text).toMatch(/पुलिस|थान/);
      await expect(fallback.locator('a[href="tel:112"]').first()).toBeVisible();
    } finally {
      await browser.close();
    }
  });

  test('a browser without JavaScript sees the noscript message in both languages', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: BASE_URL, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto('/');
      const noscript = page.locator('noscript');
      await expect(noscript.first()).toBeVisible();
      const text = (await noscript.allInnerTexts()).join('\n');
      expect(text).toMatch(DEVANAGARI);
      expect(text).toMatch(/[A-Za-z]{4,}/);
      expect(text).toMatch(/112/);
    } finally {
      await context.close();
    }
  });
});
