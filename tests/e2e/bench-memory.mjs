// Memory after boot, for `cargo xtask bench`: JS heap (precise) and the WASM linear memory.
// usage: node bench-memory.mjs <base-url> <out.json>
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';

const [baseUrl, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--enable-precise-memory-info',
  ],
});
try {
  const page = await browser.newPage();
  await page.goto(new URL('/', baseUrl).href);
  await page.waitForFunction(() => document.querySelector('main h1') !== null, null, { timeout: 30_000 });
  const result = await page.evaluate(() => {
    const wasm = window.wasmBindings?.wasm_memory_bytes;
    return {
      jsHeapUsedBytes: performance.memory?.usedJSHeapSize ?? null,
      wasmMemoryBytes: typeof wasm === 'function' ? Number(wasm()) : null,
    };
  });
  console.log(JSON.stringify(result));
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
} finally {
  await browser.close();
}
