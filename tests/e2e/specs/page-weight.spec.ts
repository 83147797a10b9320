// Every page a citizen lands on from a shared link, a slip's QR code or a bookmark loads within
// the budget on a fresh visit, counted as the browser counts it: the compressed bodies of the
// page and everything it fetched (Resource Timing `encodedBodySize`), with no service worker.
import { test, expect } from '../fixtures';
import { JOURNEY_SLUGS } from '../services';

const BUDGET_KIB = 150;

const ENTRY_PAGES = [
  '/',
  '/helplines',
  ...JOURNEY_SLUGS.map((slug) => `/${slug}`),
  '/status',
  // What a slip's QR code opens (the case need not exist for its page to load).
  '/status/BR-CMP-2026-000001',
  '/fir-copy',
  '/police-stations',
];

test.use({ serviceWorkers: 'block' });

for (const path of ENTRY_PAGES) {
  test(`a fresh visit to ${path} transfers at most ${BUDGET_KIB} KiB`, async ({ page }) => {
    await page.goto(path, { waitUntil: 'networkidle' });
    await expect(page.locator('main h1')).toBeVisible();
    const entries = await page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map(
        (e) => ({ name: e.name, bytes: (e as PerformanceResourceTiming).encodedBodySize }),
      ),
    );
    const wasm = entries.filter((e) => e.name.endsWith('.wasm'));
    // The app's module was fetched and counted: one, and not an empty body.
    expect(wasm, JSON.stringify(entries)).toHaveLength(1);
    expect(wasm[0].bytes).toBeGreaterThan(30 * 1024);
    const total = entries.reduce((sum, e) => sum + e.bytes, 0);
    const detail = entries.map((e) => `${e.bytes}\t${new URL(e.name).pathname}`).join('\n');
    expect(total / 1024, `${path} transferred:\n${detail}`).toBeLessThanOrEqual(BUDGET_KIB);
  });
}

// The pages with their own bundle load it, not the forms bundle (which has every page and is
// twice their size).
for (const [path, bundle] of [
  ['/status', 'status/nagrik-seva-lookup-'],
  ['/fir-copy', 'fir-copy/nagrik-seva-records-'],
  ['/police-stations', 'fir-copy/nagrik-seva-records-'],
] as const) {
  test(`a fresh visit to ${path} loads its own bundle`, async ({ page }) => {
    await page.goto(path, { waitUntil: 'networkidle' });
    await expect(page.locator('main h1')).toBeVisible();
    const wasm = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.wasm')),
    );
    expect(wasm).toHaveLength(1);
    expect(wasm[0]).toContain(`/${bundle}`);
  });
}
