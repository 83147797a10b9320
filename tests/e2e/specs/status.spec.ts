import { test, expect, axeTest, expectNoAxeViolations } from '../fixtures';
import { LANGS, t } from '../locales';
import { advance, fileComplaint } from '../filing';
import { AppShell } from '../pages/AppShell';
import type { Page } from '@playwright/test';

/** Every response to the status poll of `reference`, with when it came and what was sent. */
function watchPolls(page: Page, reference: string) {
  const polls: { at: number; status: number; ifNoneMatch?: string }[] = [];
  page.on('response', (res) => {
    if (res.request().method() === 'GET' && res.url().endsWith(`/api/v1/status/${reference}`)) {
      polls.push({ at: Date.now(), status: res.status(), ifNoneMatch: res.request().headers()['if-none-match'] });
    }
  });
  return polls;
}

async function lookUp(page: Page, lang: 'hi' | 'en', reference: string, mobile: string) {
  const shell = new AppShell(page);
  await shell.preferLanguage(lang);
  await shell.goto('/status');
  await expect(shell.h1).toHaveText(t(lang, 'services.status_title'));
  await page.locator('#f-reference').fill(reference.toLowerCase());
  await page.locator('#f-mobile').fill(`+91 ${mobile}`);
  await page.locator('[data-testid="show-status"]').click();
  await expect(page).toHaveURL(new RegExp(`/status/${reference}$`));
  await expect(page.locator('[data-testid="timeline-event"]').first()).toBeVisible();
  // Focus moves to the answer, so a screen reader reads it out (not the top of the page).
  await expect(page.locator('[data-testid="current-status"]')).toBeFocused();
  return shell;
}

async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
    Object.defineProperty(document, 'hidden', { value: h, configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, hidden);
}

for (const lang of LANGS) {
  test(`a new status appears without a reload, announced politely (${lang})`, async ({ page }) => {
    const { reference, mobile } = await fileComplaint();
    const polls = watchPolls(page, reference);
    await lookUp(page, lang, reference, mobile);
    const events = page.locator('[data-testid="timeline-event"]');
    await expect(events).toHaveCount(1);
    await expect(page.locator('[data-testid="current-status"]')).toContainText(t(lang, 'status.code_submitted'));
    // The next step's day, sent as 2026-12-07, reads as 07/12/2026.
    const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const [before, between, after] = t(lang, 'status.next').split(/\{status\}|\{date\}/).map(escape);
    await expect(page.locator('[data-testid="current-status"]')).toContainText(
      new RegExp(`${before}.+${between}\\d\\d/\\d\\d/20\\d\\d${after}`),
    );
    await expect(page.locator('[data-testid="freshness"]')).toHaveText(t(lang, 'status.updated_now'));

    // Unchanged: a conditional request answered 304 with no body.
    await expect.poll(() => polls.some((p) => p.status === 304 && p.ifNoneMatch?.includes(reference))).toBe(true);

    advance(reference, 'received');
    await expect(events).toHaveCount(2, { timeout: 15_000 });
    await expect(events.nth(1)).toHaveAttribute('data-status', 'received');
    await expect(events.nth(1)).toHaveAttribute('aria-current', 'step');
    await expect(page.locator('[data-testid="announce"]')).toHaveText(
      t(lang, 'status.announce').replace('{status}', t(lang, 'status.code_received')),
    );
  });

  axeTest(`status pages have no WCAG 2.1 AA violations (${lang})`, async ({ page }) => {
    const { reference, mobile } = await fileComplaint();
    const shell = new AppShell(page);
    await shell.preferLanguage(lang);
    await shell.goto('/status');
    await expectNoAxeViolations(page, `/status (${lang})`);
    await page.locator('[data-testid="show-status"]').click();
    await expect(page.locator('[data-testid="error-summary"]')).toBeVisible();
    await expectNoAxeViolations(page, `/status errors (${lang})`);
    await page.locator('#f-reference').fill(reference);
    await page.locator('#f-mobile').fill(mobile);
    await page.locator('[data-testid="show-status"]').click();
    await expect(page.locator('[data-testid="timeline-event"]')).toHaveCount(1);
    await expectNoAxeViolations(page, `/status/{ref} (${lang})`);
    advance(reference, 'received');
    advance(reference, 'under_enquiry');
    advance(reference, 'fir_registered', '--fir-number', '0123/2026');
    await expect(page.locator('[data-testid="fir-number"]')).toContainText('0123/2026', { timeout: 20_000 });
    await expectNoAxeViolations(page, `/status/{ref} with FIR (${lang})`);
  });
}

test('a wrong mobile and an unknown reference get the same message', async ({ page }) => {
  const { reference } = await fileComplaint();
  const shell = new AppShell(page);
  await shell.preferLanguage('en');
  await shell.goto('/status');
  const summary = page.locator('[data-testid="error-summary"]');
  await page.locator('#f-reference').fill(reference);
  await page.locator('#f-mobile').fill('9000000001');
  await page.locator('[data-testid="show-status"]').click();
  await expect(summary).toContainText(t('en', 'status.not_found'));
  const wrongMobile = await summary.textContent();
  await page.locator('#f-reference').fill('BR-CMP-2000-999999');
  await page.locator('[data-testid="show-status"]').click();
  await expect(summary).toBeFocused();
  expect(await summary.textContent()).toBe(wrongMobile);
});

test('the status link from a slip asks only for the mobile, then lists it under My applications', async ({ page }) => {
  const { reference, mobile } = await fileComplaint();
  const shell = new AppShell(page);
  await shell.preferLanguage('en');
  await shell.goto(`/status/${reference}`);
  await expect(page.locator('#f-reference')).toHaveCount(0);
  await page.locator('#f-mobile').fill(mobile);
  await page.locator('[data-testid="show-status"]').click();
  await expect(page.locator('[data-testid="timeline-event"]')).toHaveCount(1);
  await shell.goto('/status');
  await expect(page.locator('[data-testid="my-applications"]')).toContainText(reference);
  const stored = await page.evaluate(() => localStorage.getItem('ns.my-applications') ?? '');
  expect(stored).toContain(reference);
  expect(stored).not.toContain(mobile);
});

// Lighthouse once measured CLS 0.116 here: the mobile form that replaces "Loading…" pushed the
// footer down. A phone-sized window, as a QR code opens it, with nothing typed or clicked.
test('the case page a QR code opens does not jump as it loads', async ({ page }) => {
  const { reference } = await fileComplaint();
  await page.setViewportSize({ width: 412, height: 823 });
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!e.hadRecentInput) w.shifts.push(e.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const shell = new AppShell(page);
  await shell.preferLanguage('hi');
  await shell.goto(`/status/${reference}`);
  await expect(page.locator('#f-mobile')).toBeVisible();
  await expect(page.locator('footer')).toBeVisible();
  // Two frames after the form: any shift it caused has been reported by then.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
  expect(shifts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(0.02);
});

test('no requests while the page is hidden; one at once when it is shown again', async ({ page }) => {
  const { reference, mobile } = await fileComplaint();
  const polls = watchPolls(page, reference);
  await lookUp(page, 'en', reference, mobile);
  await expect.poll(() => polls.length).toBeGreaterThan(0);
  await setHidden(page, true);
  await page.waitForTimeout(300); // let an answer already on its way land
  const before = polls.length;
  await page.waitForTimeout(5_000);
  expect(polls.length, 'requests while hidden').toBe(before);
  const shownAt = Date.now();
  await setHidden(page, false);
  await expect.poll(() => polls.length, { timeout: 3_000 }).toBeGreaterThan(before);
  expect(polls[before].at - shownAt).toBeLessThan(2_000);
});

test('a 503 with Retry-After: 5 delays the next request by at least 5 s', async ({ page }) => {
  const { reference, mobile } = await fileComplaint();
  let served503At = 0;
  let gets = 0;
  const after: number[] = [];
  await page.route(`**/api/v1/status/${reference}`, async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    // The first poll passes, so the app knows the server's pace (1 s here); the second is
    // refused with Retry-After: 5, which must hold the next one back for 5 s, not 1.
    gets += 1;
    if (gets === 2) {
      served503At = Date.now();
      return route.fulfill({
        status: 503,
        headers: { 'Retry-After': '5', 'Content-Type': 'application/json' },
        body: '{"error":{"code":"internal"}}',
      });
    }
    if (served503At) after.push(Date.now());
    return route.continue();
  });
  await lookUp(page, 'en', reference, mobile);
  await expect(page.locator('[data-testid="retrying"]')).toBeVisible();
  await expect(page.locator('[data-testid="timeline-event"]')).toHaveCount(1); // what was shown stays
  await expect.poll(() => after.length, { timeout: 12_000 }).toBeGreaterThan(0);
  expect(after[0] - served503At).toBeGreaterThanOrEqual(5_000);
  await expect(page.locator('[data-testid="retrying"]')).toHaveCount(0);
});

test('a final state is shown as final and stops the requests', async ({ page }) => {
  const { reference, mobile } = await fileComplaint();
  const polls = watchPolls(page, reference);
  await lookUp(page, 'hi', reference, mobile);
  advance(reference, 'received');
  advance(reference, 'under_enquiry');
  advance(reference, 'closed', '--note-en', 'Civil dispute: please approach the civil court.', '--note-hi', 'दीवानी विवाद: कृपया दीवानी न्यायालय जाएँ।');
  await expect(page.locator('[data-testid="final"]')).toHaveText(t('hi', 'status.final'), { timeout: 20_000 });
  await expect(page.locator('[data-testid="timeline-event"]').last()).toContainText('दीवानी विवाद');
  const count = polls.length;
  await page.waitForTimeout(5_000);
  expect(polls.length, 'requests after the final state').toBe(count);
});

test('a rejected filing is marked red, not with the green bar of a success', async ({ page }) => {
  const { reference, mobile } = await fileComplaint();
  await lookUp(page, 'en', reference, mobile);
  const summary = page.locator('[data-testid="current-status"]');
  const bar = () => summary.evaluate((el) => getComputedStyle(el).borderLeftColor);
  advance(reference, 'received');
  advance(reference, 'under_enquiry');
  await expect(summary).toContainText(t('en', 'status.code_under_enquiry'), { timeout: 20_000 });
  const inProgress = await bar();
  advance(reference, 'rejected', '--note-en', 'Not a police matter.', '--note-hi', 'यह पुलिस का मामला नहीं है।');
  await expect(summary).toContainText(t('en', 'status.code_rejected'), { timeout: 20_000 });
  await expect(page.locator('[data-testid="final"]')).toBeVisible();
  // The same red as error messages (#d4351c), not the success green (#00703c).
  expect(await bar()).toBe('rgb(212, 53, 28)');
  expect(inProgress).not.toBe('rgb(212, 53, 28)');
});

axeTest('too many lookups in a minute are told to wait, in the citizen\'s language, not "something went wrong"', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.preferLanguage('hi');
  await shell.goto('/status');
  await page.locator('#f-reference').fill('BR-CMP-2026-999999');
  await page.locator('#f-mobile').fill('9876500000');
  const summary = page.locator('[data-testid="error-summary"]');
  const lookUpOnce = async () => {
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/status/lookup'));
    await page.locator('[data-testid="show-status"]').click();
    return (await answered).status();
  };
  // This citizen's address may look up 10 times in a minute; each says "not found".
  for (let i = 0; i < 10; i++) {
    expect(await lookUpOnce(), `lookup ${i + 1}`).toBe(404);
    await expect(summary).toContainText(t('hi', 'status.not_found'));
  }
  expect(await lookUpOnce()).toBe(429);
  await expect(summary).toContainText(t('hi', 'status.too_many_lookups'));
  await expect(summary).not.toContainText(t('hi', 'errors.server'));
  await expect(page.locator('#f-reference')).toHaveValue('BR-CMP-2026-999999');
  await expectNoAxeViolations(page, 'status lookup, too many tries (hi)');
});
