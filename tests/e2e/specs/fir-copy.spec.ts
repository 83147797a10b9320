// FIR copy without a login: the sample FIRs found in Hindi and English, a withheld FIR that
// never reaches the browser, the rate limit's message, the A4 print, and axe on every state.
import { test, expect, axeTest, expectNoAxeViolations } from '../fixtures';
import { LANGS, t, type Lang } from '../locales';
import { query } from '../db';
import { FirCopyPage, searchFromOwnAddress } from '../pages/FirCopyPage';
import type { Page } from '@playwright/test';

async function openAs(page: Page, lang: Lang) {
  await searchFromOwnAddress(page.context());
  const fir = new FirCopyPage(page);
  await fir.preferLanguage(lang);
  await fir.open();
  await expect(fir.h1).toHaveText(t(lang, 'services.fir_copy_title'));
  return fir;
}

const status = (lang: Lang, code: string) => t(lang, `status.code_${code}`);

/** The text of a withheld sample FIR as the database holds it: none may reach the browser. */
function withheldText(station: string, year: string, number: string): string[] {
  const [row] = query(
    'SELECT place, complainant, facts, officer_name, sections FROM firs WHERE station_code = ? AND year = ? AND number = ?',
    station,
    year,
    number,
  ) as string[][];
  expect(row, `sample FIR ${number}/${year} of ${station}`).toBeTruthy();
  const sections = JSON.parse(row[4]) as string[];
  return [...row.slice(0, 4), ...sections, 'WITHHELD'];
}

for (const lang of LANGS) {
  test(`a sample FIR in Hindi is found and shown as the station wrote it (${lang})`, async ({ page }) => {
    const fir = await openAs(page, lang);
    const response = await fir.search('PAT', 'PAT-KOTWALI', '2026', '12');
    expect(response.status()).toBe(200);
    await expect(fir.copy).toBeVisible();
    await expect(page.locator('#fir-result-title')).toBeFocused();
    await expect(page.locator('#fir-result-title')).toHaveText(
      t(lang, 'fir_copy.copy_title').replace('{number}', '12/2026'),
    );
    await expect(page.locator('[data-testid="fir-number"]')).toContainText('12/2026');
    await expect(page.locator('[data-testid="fir-number"]')).toContainText('14/03/2026, 10:20 IST');
    await expect(page.locator('[data-testid="fir-station"]')).toHaveText(lang === 'hi' ? 'कोतवाली' : 'Kotwali');
    await expect(page.locator('[data-testid="fir-sections"]')).toHaveText('BNS 303(2)');
    await expect(fir.copy).toContainText(t(lang, 'fir_copy.law_bns'));
    // The FIR's own text keeps its language whatever the page's is.
    const facts = page.locator('[data-testid="fir-facts"]');
    await expect(facts).toHaveAttribute('lang', 'hi');
    await expect(facts).toContainText('मोबाइल फ़ोन');
    await expect(fir.copy).toContainText(t(lang, 'fir_copy.written_in_hi'));
    await expect(page.locator('[data-testid="fir-stage"]')).toHaveText(status(lang, 'under_investigation'));
    await expect(page.locator('[data-testid="fir-sample"]')).toHaveText(t(lang, 'fir_copy.sample'));
    await expect(page.locator('[data-testid="fir-reference"]')).toContainText(/BR-FCP-\d{4}-\d{6}/);
    await expect(page).toHaveTitle(`${t(lang, 'services.fir_copy_title')} – ${t(lang, 'common.app_name')}`);

    // Switching the language changes the page's words, not the FIR's.
    await fir.switchLanguage();
    const other: Lang = lang === 'hi' ? 'en' : 'hi';
    await expect(page.locator('[data-testid="fir-stage"]')).toHaveText(status(other, 'under_investigation'));
    await expect(facts).toContainText('मोबाइल फ़ोन');
  });

  test(`a sample FIR in English, an older one under the IPC (${lang})`, async ({ page }) => {
    const fir = await openAs(page, lang);
    await fir.search('PAT', 'PAT-GANDHI-MAIDAN', '2026', '7');
    const facts = page.locator('[data-testid="fir-facts"]');
    await expect(facts).toHaveAttribute('lang', 'en');
    await expect(facts).toContainText('posing as a bank officer');
    await expect(fir.copy).toContainText(
      t(lang, 'fir_copy.occurred_span').replace('{from}', '30/01/2026').replace('{to}', '31/01/2026'),
    );
    await expect(page.locator('[data-testid="fir-stage"]')).toHaveText(status(lang, 'charge_sheeted'));

    // A new search replaces the copy; the fields are what was typed.
    await fir.search('PAT', 'PAT-KOTWALI', '2023', '0045');
    await expect(page.locator('[data-testid="fir-number"]')).toContainText('45/2023');
    await expect(page.locator('[data-testid="fir-sections"]')).toHaveText('IPC 379');
    await expect(fir.copy).toContainText(t(lang, 'fir_copy.law_ipc'));
    await expect(fir.number).toHaveValue('0045');
  });

  test(`a withheld FIR says so, and none of its text reaches the browser (${lang})`, async ({ page }) => {
    const fir = await openAs(page, lang);
    const response = await fir.search('PAT', 'PAT-KOTWALI', '2025', '88');
    expect(response.status()).toBe(404);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ error: { code: 'fir_withheld' } });
    const headers = JSON.stringify(await response.allHeaders());
    await expect(fir.withheld).toBeVisible();
    await expect(page.locator('#fir-result-title')).toBeFocused();
    await expect(page.locator('#fir-result-title')).toHaveText(t(lang, 'fir_copy.withheld_title'));
    const station = lang === 'hi' ? 'कोतवाली' : 'Kotwali';
    await expect(fir.withheld).toContainText(t(lang, 'fir_copy.withheld_how').replace('{station}', station));
    // Where to ask: the station's phone from the masters.
    await expect(fir.withheld.locator('a[href^="tel:0612"]')).toHaveCount(1);
    await expect(fir.copy).toHaveCount(0);
    await expect(fir.summary).toHaveCount(0);

    const secret = withheldText('PAT-KOTWALI', '2025', '88');
    const dom = await page.content();
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    for (const text of secret) {
      expect(dom, `DOM holds “${text}”`).not.toContain(text);
      expect(storage, `storage holds “${text}”`).not.toContain(text);
      expect(body, `network answer holds “${text}”`).not.toContain(text);
      expect(headers, `headers hold “${text}”`).not.toContain(text);
    }

    // A missing FIR answers the same status and shape, and is an error on the number.
    const missing = await fir.search('PAT', 'PAT-KOTWALI', '2025', '89');
    expect(missing.status()).toBe(response.status());
    expect(Object.keys(await missing.json())).toEqual(['error']);
    expect(Object.keys((await missing.json()).error)).toEqual(['code']);
    await expect(fir.summary).toContainText(t(lang, 'fir_copy.not_found'));
    await expect(fir.withheld).toHaveCount(0);
  });
}

test('too many searches: the message says how long to wait, and the fields stay', async ({ page }) => {
  const fir = await openAs(page, 'en');
  // Five different FIRs in a minute are allowed; the sixth is held back.
  for (let n = 1; n <= 5; n++) {
    const response = await fir.search('PAT', 'PAT-KOTWALI', '2024', String(n));
    expect(response.status(), `search ${n}`).toBe(404);
  }
  await fir.fill('GAY', 'GAY-TOWN', '2025', '21');
  const answer = page.waitForResponse((r) => r.url().includes('/api/v1/firs/'));
  await fir.find.click();
  const refused = await answer;
  expect(refused.status()).toBe(429);
  const wait = Number(refused.headers()['retry-after']);
  expect(wait).toBeGreaterThan(0);
  const expected =
    wait < 60
      ? t('en', 'fir_copy.too_many_seconds').replace('{seconds}', String(wait))
      : t('en', Math.ceil(wait / 60) === 1 ? 'fir_copy.too_many_minutes_one' : 'fir_copy.too_many_minutes_other').replace(
          '{count}',
          String(Math.ceil(wait / 60)),
        );
  await expect(fir.summary).toBeFocused();
  await expect(fir.summary).toContainText(expected);
  await expect(fir.district).toHaveValue('GAY');
  await expect(fir.station).toHaveValue('GAY-TOWN');
  await expect(fir.year).toHaveValue('2025');
  await expect(fir.number).toHaveValue('21');
  await expect(fir.copy).toHaveCount(0);
});

test('the form checks every field before searching', async ({ page }) => {
  const fir = await openAs(page, 'en');
  let searches = 0;
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/firs/')) searches += 1;
  });
  await fir.year.fill('26');
  await fir.number.fill('12/2026');
  await fir.find.click();
  await expect(fir.summary).toBeFocused();
  const items = fir.summary.locator('li');
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toContainText(t('en', 'fir_copy.district'));
  await expect(items.nth(2)).toContainText(t('en', 'errors.year_not_four_digits'));
  await expect(fir.year).toHaveAttribute('aria-invalid', 'true');
  await expect(fir.year).toHaveAttribute('aria-describedby', 'f-year-hint f-year-error');
  await items.nth(3).locator('a').click();
  await expect(fir.number).toBeFocused();
  expect(searches).toBe(0);
  // Devanagari digits are fine.
  await fir.search('PAT', 'PAT-KOTWALI', '२०२६', '१२');
  await expect(fir.copy).toBeVisible();
});

test('an FIR copy prints on one A4 page with the search reference and the time printed', async ({ page }, testInfo) => {
  const fir = await openAs(page, 'hi');
  await fir.search('PAT', 'PAT-KOTWALI', '2026', '12');
  await expect(fir.copy).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  // A4 at 96 dpi.
  await page.setViewportSize({ width: 794, height: 1123 });
  await expect(fir.year).toBeHidden();
  await expect(fir.header).toBeHidden();
  await expect(fir.footer).toBeHidden();
  await expect(page.locator('[data-testid="print-fir"]')).toBeHidden();
  const printed = page.locator('[data-testid="fir-printed"]');
  await expect(printed).toBeVisible();
  await expect(printed).toContainText(/\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2} IST/);
  await expect(page.locator('[data-testid="fir-reference"]')).toBeVisible();
  const shot = await page.screenshot({ fullPage: true, path: testInfo.outputPath('fir-copy-a4.png') });
  await testInfo.attach('fir-copy-a4', { body: shot, contentType: 'image/png' });
  // Printing to PDF as the browser's "Save as PDF" does: the page's own A4 size, one page.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await testInfo.attach('fir-copy-a4.pdf', { body: pdf, contentType: 'application/pdf' });
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length, 'one FIR, one page').toBe(1);
  // About 595 × 842 points is A4.
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
  expect(box, 'the PDF has a page size').toBeTruthy();
  expect(Math.abs(Number(box![1]) - 595)).toBeLessThan(3);
  expect(Math.abs(Number(box![2]) - 842)).toBeLessThan(3);
  await page.emulateMedia({ media: 'screen' });
  await expect(printed).toBeHidden();
});

for (const lang of LANGS) {
  axeTest(`every state of /fir-copy has no WCAG 2.1 AA violations (${lang})`, async ({ page }) => {
    const fir = await openAs(page, lang);
    await expectNoAxeViolations(page, `/fir-copy (${lang})`);
    await fir.find.click();
    await expect(fir.summary).toBeVisible();
    await expectNoAxeViolations(page, `/fir-copy errors (${lang})`);
    await fir.search('PAT', 'PAT-KOTWALI', '2026', '12');
    await expect(fir.copy).toBeVisible();
    await expectNoAxeViolations(page, `/fir-copy copy (${lang})`);
    await fir.search('PAT', 'PAT-PIRBAHORE', '2025', '3');
    await expect(fir.withheld).toBeVisible();
    await expectNoAxeViolations(page, `/fir-copy withheld (${lang})`);
    await fir.search('PAT', 'PAT-KOTWALI', '2025', '89');
    await expect(fir.summary).toContainText(t(lang, 'fir_copy.not_found'));
    await expectNoAxeViolations(page, `/fir-copy not found (${lang})`);
    // Two more different FIRs pass; the sixth different one in the minute is refused.
    for (const n of ['1', '2']) await fir.search('GAY', 'GAY-TOWN', '2025', n);
    const refused = await fir.search('GAY', 'GAY-TOWN', '2025', '3');
    expect(refused.status()).toBe(429);
    await expect(fir.summary).toBeVisible();
    await expectNoAxeViolations(page, `/fir-copy too many searches (${lang})`);
  });
}
