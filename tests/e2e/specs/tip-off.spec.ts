// The confidential tip-off, as a citizen sends one: from the home page to the tip number with
// no name, no mobile and no code; a validation error and the "other" rule fixed on the way;
// nothing of it left on the device (no draft, no files, no "My applications", no language
// written) and no cookie sent with it; its status by number alone, live, saying only
// "received" or "action taken"; too many tips from one address answered 429 with every
// answer kept; a reload starts afresh, offering nothing.
import { axeTest as test, expect, expectNoAxeViolations } from '../fixtures';
import { t } from '../locales';
import { query } from '../db';
import { advance, fileComplaint, randomMobile } from '../filing';
import { JourneyForm, TINY_PNG } from '../pages/JourneyForm';
import { browserStorage } from '../pages/Kiosk';

/** The tip's typed texts, with a number that marks this test's tip in the database. */
function tipText() {
  const marker = randomMobile();
  return {
    marker,
    place: `पुराने बस स्टैंड के पीछे, बिहटा ${marker.slice(-4)}`,
    other: 'रात में बालू का अवैध खनन',
    description: `हर रात ट्रक नदी से बालू ले जाते हैं। (${marker})`,
  };
}

const tipsMarked = (marker: string) =>
  query('SELECT reference, mobile, attachments FROM filings WHERE service = ? AND answers LIKE ?', 'tip-off', `%${marker}%`);

test('a tip from the home page in Hindi: errors fixed, a photo, a tip number, and nothing of it left on the phone', async ({ page, context }) => {
  test.setTimeout(90_000);
  // This browser verified a mobile earlier (a complaint): the tip must not carry that session.
  await fileComplaint(undefined, page.request);
  expect((await context.cookies()).some((c) => c.name === 'ns_session')).toBe(true);
  const cookiesSent: string[] = [];
  page.on('request', async (r) => {
    if (r.url().includes('/api/v1/services/tip-off/') || r.url().endsWith('/api/v1/attachments')) {
      cookiesSent.push((await r.allHeaders())['cookie'] ?? '');
    }
  });

  const form = new JourneyForm(page, 'hi', 'tip-off', true);
  const tip = tipText();
  await form.goto('/');
  await form.main.locator('a[data-testid="service-card"][href="/tip-off"]').click();
  await expect(form.h1).toHaveText(t('hi', 'services.tip_off_title'));
  await expect(form.main).toContainText(t('hi', 'tip_off.start_emergency'));
  await page.getByRole('button', { name: t('hi', 'journey.start_button') }).click();

  // The step: "other" needs its kind, and a description its 10 characters.
  await expect(form.h1).toHaveText(form.stepTitle('tip'));
  await page.locator('input[name="category"][value="other"]').check();
  await form.fill([
    { text: 'place', value: tip.place },
    { select: 'district', value: 'PAT' },
    { select: 'station', value: 'PAT-KOTWALI' },
    { text: 'description', value: 'ट्रक' },
  ]);
  await form.continueButton.click();
  await expect(form.summary).toBeFocused();
  await expect(form.summary.locator('a[href="#f-other_category"]')).toBeVisible();
  await expect(form.summary.locator('a[href="#f-description"]')).toBeVisible();
  await form.scan('tip errors');
  // Every answer kept on the error; the language switched while it shows keeps them too,
  // and is not written to the phone (the home page wrote its default, Hindi).
  await expect(page.locator('#f-place')).toHaveValue(tip.place);
  expect(await page.evaluate(() => localStorage.getItem('ns.lang'))).toBe('hi');
  await form.switchLanguage();
  await form.expectLanguage('en');
  await expect(page.locator('#f-place')).toHaveValue(tip.place);
  expect(await page.evaluate(() => localStorage.getItem('ns.lang'))).toBe('hi');
  await form.switchLanguage();
  await page.locator('#f-other_category').fill(tip.other);
  await page.locator('#f-description').fill(tip.description);
  await form.next(form.stepTitle('attachment'));

  await page.locator('#f-attachments').setInputFiles({ name: 'truck.png', mimeType: 'image/png', buffer: TINY_PNG });
  await expect(page.locator('[data-testid="file-list"]')).toContainText('truck.png');
  await form.next(t('hi', 'forms.check_title'));
  await expect(form.main).toContainText(tip.other);
  await expect(form.main).toContainText('truck.png');

  // The last page sends: no mobile, no code, and it says what is not kept.
  await page.locator('[data-testid="check-continue"]').click();
  await expect(form.h1).toHaveText(t('hi', 'journey.step_send_anonymous'));
  await expect(page.locator('[data-testid="anonymous"]')).toHaveText(t('hi', 'journey.send_anonymous_intro'));
  await expect(page.locator('#f-otp, [data-testid="send-code"]')).toHaveCount(0);
  await form.scan('send');
  const storedBefore = (await browserStorage(page)).text;
  for (const typed of [tip.marker, tip.other, 'truck.png']) expect(storedBefore).not.toContain(typed);
  await page.locator('[data-testid="submit"]').click();

  const reference = page.locator('[data-testid="reference"]');
  await expect(reference).toHaveText(/^BR-TIP-\d{4}-\d{6}$/);
  const number = (await reference.textContent())!.trim();
  await expect(form.h1).toHaveText(t('hi', 'tip_off.done_title'));
  await expect(page.locator('[data-testid="next-steps"]')).toHaveText(t('hi', 'tip_off.done_next'));
  await expect(page.locator('[data-testid="slip-category"]')).toHaveText(t('hi', 'tip_off.category_other'));
  await expect(page.locator('[data-testid="slip-note"]')).toHaveText(t('hi', 'tip_off.slip_note'));
  await expect(page.locator('[data-testid="qr"]')).toBeVisible();
  await form.scan('tip number');
  // The slip prints on one A4 page, and on an 80 mm receipt without running off the paper.
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).toHaveLength(1);
  await page.setViewportSize({ width: 265, height: 1400 });
  await expect(page.locator('.ns-slip__reference')).toHaveText(number);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(265);
  await page.emulateMedia({ media: 'screen' });

  // The server holds the tip, with its photo, and no mobile; the browser sent no cookie.
  expect(tipsMarked(tip.marker)).toEqual([[number, null, 1]]);
  await expect.poll(() => cookiesSent.length).toBe(2);
  expect(cookiesSent).toEqual(['', '']);
  // Nothing of it on the phone: no typed text, no file name, no tip number, no language.
  const after = await browserStorage(page);
  for (const typed of [tip.marker, tip.place, tip.other, 'truck.png', number]) {
    expect(after.text, typed).not.toContain(typed);
  }
  expect(await page.evaluate(() => localStorage.getItem('ns.my-applications') ?? '')).not.toContain('TIP');
});

test('a tip number opens its status with no mobile: "received", then "action taken" as it happens (en)', async ({ page }) => {
  test.setTimeout(60_000);
  const form = new JourneyForm(page, 'en', 'tip-off', true);
  const tip = tipText();
  const body = {
    answers: { category: 'gambling', place: tip.place, district: 'PAT', station: 'PAT-KOTWALI', description: tip.description },
    attachments: [],
  };
  const filed = await page.request.post('/api/v1/services/tip-off/submissions', {
    data: body,
    headers: { 'Idempotency-Key': `tip-${tip.marker}` },
  });
  expect(filed.status()).toBe(201);
  const number: string = (await filed.json()).reference;

  await form.preferLanguage('en');
  await form.goto('/status');
  await expect(form.main).toContainText(t('en', 'status.tip_no_mobile'));
  await page.locator('#f-reference').fill(number.toLowerCase());
  await page.locator('[data-testid="show-status"]').click();
  await expect(page).toHaveURL(new RegExp(`/status/${number}$`));
  const events = page.locator('[data-testid="timeline-event"]');
  await expect(events).toHaveCount(1);
  await expect(events.first()).toHaveAttribute('data-status', 'received');
  await expect(page.locator('[data-testid="current-status"]')).toContainText(t('en', 'status.code_received'));
  await expect(form.main).toContainText(t('en', 'status.tip_intro'));
  // Nothing but the step and its day: no time of day, no station, no note, no date to expect.
  await expect(events.first().locator('.ns-timeline__meta')).toHaveText(/^\d{2}\/\d{2}\/\d{4}\s*$/);
  await expect(form.main).not.toContainText('Kotwali');
  await expect(page.locator('.ns-timeline__note')).toHaveCount(0);
  await form.scan('tip status');

  // More for the tip, by its number: too short is refused on its box, then it is added.
  const more = page.locator('#f-tip-more');
  await more.fill('truck');
  await page.locator('[data-testid="tip-send"]').click();
  await expect(form.summary).toBeFocused();
  await expect(form.summary.locator('a[href="#f-tip-more"]')).toHaveText(
    t('en', 'errors.summary_item')
      .replace('{label}', t('en', 'status.tip_add_label'))
      .replace('{message}', t('en', 'errors.too_short').replace('{min}', '10')),
  );
  await expect(more).toHaveValue('truck');
  await form.scan('tip add more, error');
  const text = `The truck comes every night at 2 a.m. (${tip.marker})`;
  await more.fill(text);
  // The page polls meanwhile: what is being typed stays.
  for (let i = 0; i < 2; i++) await page.waitForResponse((r) => r.url().endsWith(`/api/v1/status/${number}`));
  await expect(more).toHaveValue(text);
  await page.locator('[data-testid="tip-send"]').click();
  await expect(page.locator('[data-testid="tip-added"]')).toBeVisible();
  await expect(more).toHaveValue('');
  await expect(form.summary).toHaveCount(0);
  expect(query('SELECT text FROM tip_additions WHERE reference = ?', number)).toEqual([[text]]);
  expect((await browserStorage(page)).text).not.toContain(tip.marker);

  advance(number, 'action_taken');
  await expect(events).toHaveCount(2, { timeout: 15_000 });
  await expect(events.nth(1)).toHaveAttribute('data-status', 'action_taken');
  await expect(page.locator('[data-testid="current-status"]')).toContainText(t('en', 'status.code_action_taken'));
  await expect(page.locator('[data-testid="final"]')).toBeVisible();
  await form.switchLanguage();
  await expect(page.locator('[data-testid="current-status"]')).toContainText(t('hi', 'status.code_action_taken'));
  await expectNoAxeViolations(page, 'tip status (hi)');
  // Looking at a tip is not remembered either.
  expect(await page.evaluate(() => localStorage.getItem('ns.my-applications') ?? '')).not.toContain(number);
  expect(await page.evaluate(() => localStorage.getItem('ns.lang'))).toBe('en');

  // A number no tip has is said so, with no mobile asked for.
  await form.goto('/status/BR-TIP-2026-999999');
  await expect(page.locator('[data-testid="tip-not-found"]')).toHaveText(t('en', 'status.tip_not_found'));
  await expect(page.locator('#f-mobile')).toHaveCount(0);
});

test('too many tips from one address: the wait is said in Hindi and every answer stays', async ({ page }) => {
  test.setTimeout(90_000);
  // This test's own address, as a local proxy passes it on (the limit is per address).
  const address = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': address });
  const tip = tipText();
  // Someone at that address used up its anonymous requests (30 in 10 minutes).
  let held = 0;
  for (let i = 0; i < 31 && held === 0; i++) {
    const r = await page.request.post('/api/v1/attachments', {
      data: TINY_PNG,
      headers: { 'content-type': 'image/png', 'x-forwarded-for': address },
    });
    if (r.status() === 429) held = Number(r.headers()['retry-after']);
    else expect(r.status()).toBe(201);
  }
  expect(held).toBeGreaterThan(0);

  const form = new JourneyForm(page, 'hi', 'tip-off');
  await form.goto('/tip-off');
  await page.getByRole('button', { name: t('hi', 'journey.start_button') }).click();
  await page.locator('input[name="category"][value="drugs"]').check();
  await form.fill([
    { text: 'place', value: tip.place },
    { select: 'district', value: 'PAT' },
    { select: 'station', value: 'PAT-KOTWALI' },
    { text: 'description', value: tip.description },
  ]);
  await form.next(form.stepTitle('attachment'));
  await form.next(t('hi', 'forms.check_title'));
  await page.locator('[data-testid="check-continue"]').click();
  await page.locator('[data-testid="submit"]').click();
  const failure = page.locator('[data-testid="error-summary"] a[href="#ns-send"]');
  await expect(failure).toHaveText(/^.+\d+.+$/);
  const shown = Number(/(\d+)/.exec((await failure.textContent()) ?? '')![1]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThanOrEqual(held);
  await expect(failure).toHaveText(t('hi', 'errors.rate_limited').replace('{seconds}', String(shown)));
  await expectNoAxeViolations(page, 'tip rate limited (hi)');
  expect(tipsMarked(tip.marker)).toEqual([]);
  // Every answer is still there.
  await page.locator('a.ns-back-link').click();
  await expect(form.h1).toHaveText(t('hi', 'forms.check_title'));
  await expect(form.main).toContainText(tip.place);
  await expect(form.main).toContainText(tip.description);
});

test('a reload on the send page keeps nothing: no draft is offered and the form is empty', async ({ page }) => {
  const form = new JourneyForm(page, 'en', 'tip-off');
  const tip = tipText();
  await form.preferLanguage('en');
  await form.goto('/tip-off');
  await page.getByRole('button', { name: t('en', 'journey.start_button') }).click();
  await page.locator('input[name="category"][value="cyber_crime"]').check();
  await form.fill([{ text: 'place', value: tip.place }, { text: 'description', value: tip.description }]);
  await expect(page.locator('#f-description')).toHaveValue(tip.description);
  await page.reload();
  await form.booted();
  await expect(page.locator('[data-testid="draft-banner"]')).toHaveCount(0);
  await expect(page.locator('#f-place')).toHaveValue('');
  await expect(page.locator('#f-description')).toHaveValue('');
  expect((await browserStorage(page)).text).not.toContain(tip.marker);
});
