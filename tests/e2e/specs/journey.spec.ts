// The journey never strands a citizen (issue 16): each test here fails without its fix. They
// drive the complaint, whose pages are the one journey every service shares.
import { test, expect } from '../fixtures';
import { LANGS, t } from '../locales';
import { query } from '../db';
import { fileComplaint } from '../filing';
import { ComplaintForm, sampleComplaint } from '../pages/ComplaintForm';

const filings = (mobile: string) => query('SELECT reference FROM filings WHERE mobile = ?', mobile).map((r) => r[0]);

test('a filing whose answer was lost, then edited and sent again, shows the reference it got (1)', async ({ page }) => {
  const form = new ComplaintForm(page, 'en');
  const c = sampleComplaint();
  await form.reachCheck(c);
  await form.toVerify();
  // The server files it, and the answer never reaches the phone.
  await page.route('**/api/v1/services/complaint/submissions', async (route) => {
    await route.fetch();
    await route.abort('connectionreset');
  });
  await form.verifyAndSend();
  await expect(form.summary).toContainText(t('en', 'errors.network'));
  await page.unroute('**/api/v1/services/complaint/submissions');
  expect(filings(c.mobile)).toHaveLength(1);
  // The citizen goes back, changes the PIN, and sends again.
  await page.locator('a.ns-back-link').click();
  await expect(form.h1).toHaveText(t('en', 'forms.check_title'));
  await page.locator('a[href$="#f-pin"]').click();
  await page.locator('#f-pin').fill('800001');
  await form.continueButton.click();
  await expect(form.h1).toHaveText(t('en', 'forms.check_title'));
  await form.toVerify();
  await page.locator('[data-testid="submit"]').click();
  // Not a dead end and not a second filing: the first filing's acknowledgement, said plainly.
  await expect(page.locator('[data-testid="already-sent"]')).toHaveText(t('en', 'journey.already_sent'));
  const [reference] = filings(c.mobile);
  await expect(page.locator('[data-testid="reference"]')).toHaveText(String(reference));
  expect(filings(c.mobile)).toHaveLength(1);
});

for (const lang of LANGS) {
  test(`a reload on Check answers and on Verify offers the answers back (2, ${lang})`, async ({ page }) => {
    const form = new ComplaintForm(page, lang);
    const c = sampleComplaint();
    await form.reachCheck(c);
    await page.reload();
    await form.booted();
    await page.getByRole('button', { name: t(lang, 'forms.draft_continue') }).click();
    await expect(form.main).toContainText(c.name);
    await form.toVerify();
    await page.reload();
    await form.booted();
    await expect(form.h1).toHaveText(t(lang, 'journey.step_verify'));
    await page.getByRole('button', { name: t(lang, 'forms.draft_continue') }).click();
    const display = `${c.mobile.slice(0, 5)} ${c.mobile.slice(5)}`;
    await expect(form.main).toContainText(display);
    await expect(page.locator('[data-testid="send-code"]')).toBeEnabled();
  });
}

test('a file chosen before the tab is reloaded on Verify is still filed; it is kept in this tab only (2)', async ({ page, context }) => {
  const form = new ComplaintForm(page, 'hi');
  const c = sampleComplaint();
  await form.reachCheck(c, true);
  await form.toVerify();
  await page.locator('[data-testid="send-code"]').click();
  // The SMS has come (a reload before the answer would cancel the request itself).
  await expect(page.locator('#f-otp')).toBeVisible();
  // Android kills the tab while the citizen reads the SMS.
  await page.reload();
  await form.booted();
  await page.getByRole('button', { name: t('hi', 'forms.draft_continue') }).click();
  await page.locator('a.ns-back-link').click();
  await expect(form.h1).toHaveText(t('hi', 'forms.check_title'));
  await expect(form.main).toContainText('receipt.png');
  // The photo of a document lives as long as the tab, not 7 days with the draft.
  const where = () =>
    page.evaluate(() => ({ local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage) }));
  expect((await where()).local).not.toContain('receipt.png');
  expect((await where()).session).toContain('receipt.png');
  const other = await context.newPage();
  await other.goto('/');
  expect(await other.evaluate(() => JSON.stringify(sessionStorage))).not.toContain('receipt.png');
  await other.close();

  await form.toVerify();
  await page.locator('#f-otp').fill('123456');
  await page.locator('[data-testid="submit"]').click();
  const reference = String(await page.locator('[data-testid="reference"]').textContent()).trim();
  expect(query('SELECT attachments FROM filings WHERE reference = ?', reference)).toEqual([[1]]);
  // Filed: nothing of it stays in the tab.
  expect((await where()).session).not.toContain('receipt.png');
});

test('typing while the draft is offered is kept when the draft is taken up (3)', async ({ page }) => {
  const form = new ComplaintForm(page, 'hi');
  const c = sampleComplaint();
  await form.start();
  await page.locator('#f-name').fill(c.name);
  await page.locator('#f-house').fill('House 12, Ward 4');
  await page.reload();
  await form.booted();
  await expect(page.locator('[data-testid="draft-banner"]')).toBeVisible();
  await page.locator('#f-house').fill('House 99, Ward 1');
  await page.getByRole('button', { name: t('hi', 'forms.draft_continue') }).click();
  await expect(page.locator('#f-name')).toHaveValue(c.name);
  await expect(page.locator('#f-house')).toHaveValue('House 99, Ward 1');
});

test('Back from the acknowledgement says it was sent, with no way to send again (4)', async ({ page }) => {
  const form = new ComplaintForm(page, 'en');
  const c = sampleComplaint();
  await form.reachCheck(c);
  await form.toVerify();
  await form.verifyAndSend();
  const reference = (await page.locator('[data-testid="reference"]').textContent())?.trim() ?? '';
  await page.goBack();
  await expect(form.h1).toHaveText(t('en', 'forms.check_title'));
  await expect(page.locator('[data-testid="already-filed"]')).toContainText(reference);
  await expect(page.locator('[data-testid="check-continue"]')).toHaveCount(0);
  await page.locator('[data-testid="already-filed"] a').click();
  await expect(page.locator('[data-testid="reference"]')).toHaveText(reference);
});

test('an exact time later today is refused, at the IST boundary (5)', async ({ page }) => {
  // 03:21 in India today.
  const istNow = new Date(Date.now() + 5.5 * 3600e3);
  const ist = { d: istNow.getUTCDate(), m: istNow.getUTCMonth() + 1, y: istNow.getUTCFullYear() };
  await page.clock.setFixedTime(new Date(Date.UTC(ist.y, ist.m - 1, ist.d, 3, 21) - 5.5 * 3600e3));
  const form = new ComplaintForm(page, 'en');
  const c = sampleComplaint();
  await form.start();
  await form.fillAboutYou(c);
  await form.next('step_what_happened');
  await form.fillWhatHappened(c);
  await page.locator('#f-incident_date').fill(String(ist.d));
  await page.locator('#f-incident_date-month').fill(String(ist.m));
  await page.locator('#f-incident_date-year').fill(String(ist.y));
  await page.locator('#f-incident_time').fill('23');
  await page.locator('#f-incident_time-minute').fill('45');
  await form.continueButton.click();
  await expect(page.locator('#f-incident_time-error')).toContainText(t('en', 'errors.later_than_now'));
  await page.locator('#f-incident_time').fill('03');
  await page.locator('#f-incident_time-minute').fill('00');
  await form.next('step_people');
});

test('a focused container gets no focus fill; the control does (6)', async ({ page }) => {
  const form = new ComplaintForm(page, 'en');
  await form.start();
  await form.fillAboutYou(sampleComplaint());
  await page.locator('[data-testid="continue"]').press('Enter');
  await expect(form.h1).toHaveText(form.label('step_what_happened'));
  await expect(form.main).toBeFocused();
  const background = await form.main.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgba(0, 0, 0, 0)');
  await page.keyboard.press('Tab');
  const focusedFill = await page.evaluate(() => getComputedStyle(document.activeElement as Element).backgroundColor);
  expect(focusedFill).toBe('rgb(255, 221, 0)');
});

test('a Change link focuses the field it changes (7)', async ({ page }) => {
  const form = new ComplaintForm(page, 'hi');
  await form.reachCheck(sampleComplaint());
  await page.locator('a[href$="#f-locality"]').click();
  await expect(page.locator('#f-locality')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('#f-district')).toBeFocused();
});

test('removing the last suspect puts focus on Add; the OTP wait is announced once (8)', async ({ page }) => {
  const form = new ComplaintForm(page, 'en');
  const c = sampleComplaint();
  await form.start();
  await form.fillAboutYou(c);
  await form.next('step_what_happened');
  await form.fillWhatHappened(c);
  await form.next('step_people');
  await page.getByRole('button', { name: form.label('suspects_add') }).click();
  await page.getByRole('button', { name: form.label('suspects_remove').replace('{n}', '1') }).click();
  await expect(page.getByRole('button', { name: form.label('suspects_add') })).toBeFocused();
  await form.continueButton.click();
  await form.continueButton.click();
  await form.toVerify();
  await page.locator('[data-testid="send-code"]').click();
  const announcement = page.locator('[data-testid="resend-announcement"]');
  const first = await announcement.textContent();
  await expect(page.locator('[data-testid="resend-countdown"]')).not.toHaveText(first ?? '', { timeout: 3_000 });
  // The visible countdown moved on; what a screen reader hears did not change.
  expect(await announcement.textContent()).toBe(first);
});

for (const lang of LANGS) {
  test(`"(optional)" is said once and an optional box asks for no minimum (9, ${lang})`, async ({ page }) => {
    const form = new ComplaintForm(page, lang);
    const c = sampleComplaint();
    await form.start();
    await form.fillAboutYou(c);
    await form.next('step_what_happened');
    await form.fillWhatHappened(c);
    await form.next('step_people');
    await page.getByRole('button', { name: form.label('suspects_add') }).click();
    const label = page.locator('label[for="f-suspects-0-details"]');
    const optional = t(lang, 'forms.optional');
    await expect(label).toContainText(optional);
    expect((await label.textContent())?.split(optional).length).toBe(2);
    const min = t(lang, 'forms.chars_min').replace('{count}', '2');
    await expect(page.locator('main')).not.toContainText(min);
  });
}

async function noSidewaysScroll(page: import('@playwright/test').Page, where: string) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${where} scrolls sideways`).toBeLessThanOrEqual(client);
}

for (const lang of LANGS) {
  test(`at 320 px and the largest text (200 %) nothing scrolls sideways (10, ${lang})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.addInitScript(() => localStorage.setItem('ns.text-size', '2'));
    const form = new ComplaintForm(page, lang);
    await form.preferLanguage(lang);
    await form.goto('/');
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(size).toBeGreaterThanOrEqual(32);
    await noSidewaysScroll(page, 'home');
    const c = sampleComplaint();
    await form.reachCheck(c);
    await noSidewaysScroll(page, 'check answers');
    await form.goto('/complaint/about-you');
    await form.continueButton.click();
    await expect(form.summary).toBeVisible();
    await noSidewaysScroll(page, 'about-you with errors');
    await form.goto('/status');
    await noSidewaysScroll(page, 'status');
  });
}

test.describe('smaller fixes', () => {
  test('a name in Urdu script is accepted', async ({ page }) => {
    const form = new ComplaintForm(page, 'en');
    await form.start();
    await form.fillAboutYou({ ...sampleComplaint(), name: 'محمد عرفان' });
    await form.next('step_what_happened');
  });

  for (const lang of LANGS) {
    test(`a question label is not followed by a colon in the error summary (${lang})`, async ({ page }) => {
      const form = new ComplaintForm(page, lang);
      await form.preferLanguage(lang);
      await form.goto('/complaint/what-happened');
      await form.continueButton.click();
      const label = form.label('description');
      expect(label).toMatch(/[?।]$/);
      const link = form.summary.locator('a[href="#f-description"]');
      await expect(link).toHaveText(`${label} ${t(lang, 'errors.required')}`);
      // A label that is not a question keeps its colon.
      const district = form.label('incident_district');
      expect(district).not.toMatch(/[?।]$/);
      await expect(form.summary.locator('a[href="#f-incident_district"]')).toContainText(`${district}:`);
    });
  }

  test('the ID number hint follows the chosen ID type', async ({ page }) => {
    const form = new ComplaintForm(page, 'hi');
    await form.start();
    const hint = page.locator('#f-id_number-hint');
    await expect(hint).toHaveText(t('hi', 'id_proof.id_number_hint'));
    await page.locator('#f-id_type').selectOption('pan');
    await expect(hint).toHaveText(t('hi', 'id_proof.id_number_hint_pan'));
    await page.locator('#f-id_type').selectOption('aadhaar');
    await expect(hint).toHaveText(t('hi', 'id_proof.id_number_hint_aadhaar'));
    await expect(page.locator('#f-id_number')).toHaveAttribute('aria-describedby', 'f-id_number-hint');
  });

  test('a reference typed with Devanagari digits and spaces finds the filing', async ({ page }) => {
    const { reference, mobile } = await fileComplaint();
    const devanagari = reference.replace(/[0-9]/g, (d) => String.fromCharCode(0x0966 + Number(d)));
    const form = new ComplaintForm(page, 'hi');
    await form.preferLanguage('hi');
    await form.goto('/status');
    await page.locator('#f-reference').fill(devanagari.replace(/-/g, ' - '));
    await page.locator('#f-mobile').fill(mobile);
    await page.locator('[data-testid="show-status"]').click();
    await expect(page).toHaveURL(new RegExp(`/status/${reference}$`));
  });

  test('a 2-digit year says it needs 4 digits', async ({ page }) => {
    const form = new ComplaintForm(page, 'hi');
    await form.start();
    await form.fillAboutYou(sampleComplaint());
    await page.locator('#f-dob-year').fill('90');
    await form.continueButton.click();
    await expect(page.locator('#f-dob-error')).toContainText(t('hi', 'errors.year_not_four_digits'));
  });
});

test('a code already sent is still usable after a reload on Verify (2)', async ({ page }) => {
  const form = new ComplaintForm(page, 'hi');
  const c = sampleComplaint();
  await form.reachCheck(c);
  await form.toVerify();
  await page.locator('[data-testid="send-code"]').click();
  await expect(page.locator('#f-otp')).toBeVisible();
  // Android kills the tab while the citizen reads the SMS.
  await page.reload();
  await form.booted();
  await page.getByRole('button', { name: t('hi', 'forms.draft_continue') }).click();
  // The code field is there at once, with no second SMS asked for.
  await page.locator('#f-otp').fill('123456');
  await page.locator('[data-testid="submit"]').click();
  await expect(page.locator('[data-testid="reference"]')).toBeVisible();
  expect(filings(c.mobile)).toHaveLength(1);
});

test('the same form open in two tabs says so in both, instead of one silently replacing the other (3)', async ({ context }) => {
  const first = await context.newPage();
  const a = new ComplaintForm(first, 'en');
  await a.start();
  await first.locator('#f-name').fill('Asha Devi');
  const second = await context.newPage();
  const b = new ComplaintForm(second, 'en');
  await b.start();
  await second.getByRole('button', { name: t('en', 'forms.draft_continue') }).click();
  await second.locator('#f-house').fill('House 7, Ward 2');
  // The first tab is told, and what was typed there stays on screen.
  await expect(first.locator('[data-testid="other-tab"]')).toHaveText(t('en', 'forms.other_tab'));
  await expect(first.locator('#f-name')).toHaveValue('Asha Devi');
  await first.locator('#f-house').fill('House 9, Ward 3');
  await expect(second.locator('[data-testid="other-tab"]')).toHaveText(t('en', 'forms.other_tab'));
});
