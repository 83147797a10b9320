// Memory after a full complaint journey, for `cargo xtask bench`: the start page, every step
// filled, check your answers, the mobile verified with the demo OTP, sent, and the
// acknowledgement on screen. Then the JS heap (after a garbage collection, through the DevTools
// protocol) plus the WebAssembly linear memory of the bundle that is running by then.
// The server must run with `--demo-otp 123456`.
// usage: node bench-memory.mjs <base-url> <out.json>
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';

const [baseUrl, out] = process.argv.slice(2);
if (!baseUrl || !out) {
  console.error('usage: node bench-memory.mjs <base-url> <out.json>');
  process.exit(2);
}
const DEMO_OTP = '123456';
const STEP_TIMEOUT = 30_000;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--enable-precise-memory-info',
  ],
});
const steps = [];
let page;
try {
  page = await browser.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const url = (path) => new URL(path, baseUrl).href;
  const step = (name) => steps.push({ step: name, url: page.url() });
  const h1 = () => page.locator('main h1').first().textContent();
  // Continue, then wait until the next step's heading replaces this one.
  const next = async (button = '[data-testid="continue"]') => {
    const before = await h1();
    await page.locator(button).click();
    await page.waitForFunction(
      (b) => { const h = document.querySelector('main h1'); return h && h.textContent !== b; },
      before,
    );
  };
  const [d, m, y] = yesterdayIst();
  const mobile = `9${Math.floor(100000000 + Math.random() * 899999999)}`;

  // The start page is the light bundle's; Start loads the forms bundle.
  await page.goto(url('/complaint'));
  await page.locator('a.ns-button--start').click();
  await page.locator('#f-name').waitFor();
  step('about you');
  await page.locator('#f-name').fill('सीता देवी');
  await page.locator('#f-relative_name').fill('Ram Kumar');
  await page.locator('input[name="gender"][value="female"]').check();
  await page.locator('#f-dob').fill('5');
  await page.locator('#f-dob-month').fill('3');
  await page.locator('#f-dob-year').fill('1990');
  await page.locator('#f-mobile').fill(mobile);
  await page.locator('#f-house').fill('House 12, Ward 4');
  await page.locator('#f-locality').fill('Kankarbagh');
  await page.locator('#f-district').selectOption('PAT');
  await page.locator('#f-station option[value="PAT-KOTWALI"]').waitFor({ state: 'attached' });
  await page.locator('#f-station').selectOption('PAT-KOTWALI');
  await page.locator('#f-pin').fill('800020');
  await page.locator('#f-id_type').selectOption('aadhaar');
  await page.locator('#f-id_number').fill('2345 6789 0124');
  await next();

  await page.locator('#f-category').waitFor();
  step('what happened');
  await page.locator('#f-category').selectOption('theft');
  await page.locator('input[name="date_known"][value="exact"]').check();
  await page.locator('#f-incident_date').fill(d);
  await page.locator('#f-incident_date-month').fill(m);
  await page.locator('#f-incident_date-year').fill(y);
  await page.locator('#f-incident_time').fill('21');
  await page.locator('#f-incident_time-minute').fill('30');
  await page.locator('#f-place').fill('Near Gandhi Maidan bus stand');
  await page.locator('#f-incident_district').selectOption('PAT');
  await page.locator('#f-incident_station option[value="PAT-GANDHI-MAIDAN"]').waitFor({ state: 'attached' });
  await page.locator('#f-incident_station').selectOption('PAT-GANDHI-MAIDAN');
  await page.locator('#f-description').fill('My bag with a phone and Rs 2000 was snatched by two men on a motorbike.');
  await next();

  step('people');
  await next();

  await page.locator('#f-attachments').waitFor({ state: 'attached' });
  step('attachments');
  await page.locator('#f-attachments').setInputFiles({
    name: 'receipt.png',
    mimeType: 'image/png',
    // A 1×1 PNG.
    buffer: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
  });
  await page.locator('[data-testid="file-list"]').filter({ hasText: 'receipt.png' }).waitFor();
  await next();

  await page.locator('[data-testid="check-continue"]').waitFor();
  step('check your answers');
  await next('[data-testid="check-continue"]');

  await page.locator('[data-testid="send-code"]').waitFor();
  step('verify');
  await page.locator('[data-testid="send-code"]').click();
  await page.locator('#f-otp').fill(DEMO_OTP);
  await page.locator('[data-testid="submit"]').click();

  const reference = page.locator('[data-testid="reference"]');
  await reference.waitFor();
  const ref = (await reference.textContent()).trim();
  if (!/^BR-CMP-\d{4}-\d{6}$/.test(ref)) throw new Error(`acknowledgement shows no reference: ${ref}`);
  step('acknowledgement');

  // What the page holds once the citizen has the slip, not the garbage waiting to be collected.
  const cdp = await page.context().newCDPSession(page);
  const before = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const inPage = await page.evaluate(() => {
    const wasm = window.wasmBindings?.wasm_memory_bytes;
    return {
      usedJSHeapSize: performance.memory?.usedJSHeapSize ?? null,
      wasmMemoryBytes: typeof wasm === 'function' ? Number(wasm()) : null,
    };
  });
  if (inPage.wasmMemoryBytes == null) throw new Error('window.wasmBindings.wasm_memory_bytes is missing');
  const result = {
    journey: 'complaint',
    reference: ref,
    finalUrl: page.url(),
    steps,
    jsHeapUsedBytes: heap.usedSize,
    jsHeapUsedBeforeGcBytes: before.usedSize,
    performanceMemoryUsedBytes: inPage.usedJSHeapSize,
    wasmMemoryBytes: inPage.wasmMemoryBytes,
    totalBytes: heap.usedSize + inPage.wasmMemoryBytes,
  };
  const mb = (b) => (b / 1048576).toFixed(2);
  console.log(
    `after the complaint journey (${ref}): JS heap ${mb(result.jsHeapUsedBytes)} MB ` +
    `(${mb(result.jsHeapUsedBeforeGcBytes)} MB before GC) + WASM ${mb(result.wasmMemoryBytes)} MB ` +
    `= ${mb(result.totalBytes)} MB`,
  );
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
} catch (err) {
  const at = steps.at(-1)?.step ?? 'start page';
  const failure = { journey: 'complaint', error: `after "${at}" (${page?.url()}): ${err.message}`, steps };
  writeFileSync(out, JSON.stringify(failure, null, 2) + '\n');
  console.error(`memory probe failed ${failure.error}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}

/** Yesterday in India, as the three date boxes take it. */
function yesterdayIst() {
  const ist = new Date(Date.now() + 5.5 * 3600 * 1000 - 24 * 3600 * 1000);
  return [String(ist.getUTCDate()), String(ist.getUTCMonth() + 1), String(ist.getUTCFullYear())];
}
