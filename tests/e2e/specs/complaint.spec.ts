import { test, expect } from '../fixtures';
import { LANGS, t } from '../locales';
import { query } from '../db';
import { ComplaintForm, sampleComplaint } from '../pages/ComplaintForm';

const ABOUT_YOU_REQUIRED = [
  'name', 'relative_name', 'gender', 'dob', 'mobile', 'house', 'locality',
  'district', 'station', 'pin', 'id_type', 'id_number',
];

for (const lang of LANGS) {
  test.describe(`e-complaint (${lang})`, () => {
    test('empty Continue: summary takes focus, one link per error, each link focuses its field', async ({ page }) => {
      const form = new ComplaintForm(page, lang);
      await form.start();
      await form.continueButton.click();
      await expect(form.summary).toBeFocused();
      await expect(form.summary.locator('h2')).toHaveText(t(lang, 'forms.error_summary_title'));
      const links = form.summary.locator('a');
      await expect(links).toHaveCount(ABOUT_YOU_REQUIRED.length);
      await expect(page).toHaveTitle(new RegExp(`^${t(lang, 'errors.error_prefix')} `));
      for (const [i, field] of ABOUT_YOU_REQUIRED.entries()) {
        await expect(links.nth(i)).toContainText(form.label(field === 'station' ? 'station' : field));
        await links.nth(i).click();
        await expect(page.locator(`#f-${field}`)).toBeFocused();
        // The inline error is wired to the control for screen readers.
        const error = page.locator(`#f-${field}-error`);
        await expect(error).toBeVisible();
        await expect(error.locator('.ns-visually-hidden')).toHaveText(t(lang, 'errors.error_prefix') + ' ');
      }
      const describedBy = await page.locator('#f-name').getAttribute('aria-describedby');
      expect(describedBy?.split(' ')).toEqual(['f-name-hint', 'f-name-error']);

      // Fixing a field removes its error at once; fixing all lets the citizen continue.
      await page.locator('#f-name').fill('Sita Devi');
      await expect(page.locator('#f-name-error')).toHaveCount(0);
      await form.fillAboutYou(sampleComplaint());
      await form.next('step_what_happened');
      await expect(form.summary).toHaveCount(0);
    });

    test('a wrong mobile gets the specific message and keeps what was typed', async ({ page }) => {
      const form = new ComplaintForm(page, lang);
      await form.start();
      const c = sampleComplaint();
      await form.fillAboutYou(c);
      await page.locator('#f-mobile').fill('12345');
      await form.continueButton.click();
      await expect(page.locator('#f-mobile-error')).toContainText(t(lang, 'errors.rule_mobile_invalid'));
      await expect(page.locator('#f-name')).toHaveValue(c.name);
      await expect(page.locator('#f-mobile')).toHaveValue('12345');
    });

    test('full complaint with an attachment is filed once, with a reference and a slip', async ({ page }) => {
      const form = new ComplaintForm(page, lang);
      const c = sampleComplaint();
      await form.reachCheck(c, true);
      // Check answers reads back in words, with the Aadhaar masked.
      const check = page.locator('main');
      await expect(check).toContainText(c.name);
      await expect(check).toContainText('XXXX XXXX 0124');
      await expect(check).toContainText('05/03/1990');
      await expect(check).toContainText('receipt.png');
      await form.toVerify();
      await form.verifyAndSend();
      const reference = page.locator('[data-testid="reference"]');
      await expect(reference).toHaveText(/^BR-CMP-\d{4}-\d{6}$/);
      const ref = (await reference.textContent())!.trim();
      await expect(page).toHaveURL(new RegExp(`/complaint/confirmation/${ref}$`));
      await expect(page.locator('[data-testid="qr"]')).toBeVisible();
      await expect(page.locator('[data-testid="station"]')).toContainText(lang === 'hi' ? 'गांधी मैदान' : 'Gandhi Maidan');

      const rows = query('SELECT mobile, attachments, answers FROM filings WHERE reference = ?', ref);
      expect(rows).toHaveLength(1);
      const [mobile, attachments, answers] = rows[0] as [string, number, string];
      expect(mobile).toBe(c.mobile);
      expect(attachments).toBe(1);
      expect(JSON.parse(answers).id_number).toBe('XXXX XXXX 0124');

      // The acknowledgement survives a reload (it is loaded by reference).
      await page.reload();
      await expect(page.locator('[data-testid="reference"]')).toHaveText(ref);
    });

    test('reload mid-journey offers the draft back and restores it', async ({ page }) => {
      const form = new ComplaintForm(page, lang);
      const c = sampleComplaint();
      await form.start();
      await form.fillAboutYou(c);
      await form.next('step_what_happened');
      await page.locator('#f-place').fill('Boring Road crossing');
      await page.reload();
      await form.booted();
      const banner = page.locator('[data-testid="draft-banner"]');
      await expect(banner).toBeVisible();
      await banner.getByRole('button', { name: t(lang, 'forms.draft_continue') }).click();
      await expect(banner).toHaveCount(0);
      await expect(page.locator('#f-place')).toHaveValue('Boring Road crossing');
      await page.goBack();
      await expect(page.locator('#f-name')).toHaveValue(c.name);
    });

    test('switching language mid-form keeps every answer', async ({ page }) => {
      const form = new ComplaintForm(page, lang);
      const c = sampleComplaint();
      await form.start();
      await form.fillAboutYou(c);
      await form.langSwitch.click();
      const other = lang === 'hi' ? 'en' : 'hi';
      await expect(form.html).toHaveAttribute('lang', other);
      await expect(form.h1).toHaveText(t(other, 'complaint.step_about_you'));
      await expect(page.locator('#f-name')).toHaveValue(c.name);
      await expect(page.locator('#f-mobile')).toHaveValue(c.mobile);
      await expect(page.locator('#f-station')).toHaveValue('PAT-KOTWALI');
      await expect(page.locator('#f-dob-year')).toHaveValue('1990');
    });
  });
}

test('a double click on Submit files one complaint', async ({ page }) => {
  const form = new ComplaintForm(page, 'en');
  const c = sampleComplaint();
  await form.reachCheck(c);
  await form.toVerify();
  await page.locator('[data-testid="send-code"]').click();
  await page.locator('#f-otp').fill('123456');
  await page.locator('[data-testid="submit"]').dblclick();
  await expect(page.locator('[data-testid="reference"]')).toBeVisible();
  const rows = query('SELECT COUNT(*) FROM filings WHERE mobile = ?', c.mobile);
  expect(rows[0][0]).toBe(1);
});

test('a server error on submit is explained and loses nothing', async ({ page }) => {
  const form = new ComplaintForm(page, 'hi');
  const c = sampleComplaint();
  await form.reachCheck(c, true);
  await form.toVerify();
  await page.route('**/api/v1/services/complaint/submissions', (route) =>
    route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"code":"internal"}}' }),
  );
  await form.verifyAndSend();
  await expect(form.summary).toContainText(t('hi', 'errors.server'));
  await expect(form.summary).toBeFocused();
  expect(query('SELECT COUNT(*) FROM filings WHERE mobile = ?', c.mobile)[0][0]).toBe(0);
  // Everything typed is still there; once the server recovers the same page sends it.
  await page.unroute('**/api/v1/services/complaint/submissions');
  await page.locator('[data-testid="submit"]').click();
  await expect(page.locator('[data-testid="reference"]')).toBeVisible();
  expect(query('SELECT COUNT(*) FROM filings WHERE mobile = ?', c.mobile)[0][0]).toBe(1);
  // The retry reused the file uploaded by the first attempt instead of sending it again.
  expect(query('SELECT COUNT(*) FROM attachments WHERE mobile = ?', c.mobile)[0][0]).toBe(1);
  expect(query('SELECT COUNT(*) FROM attachments WHERE mobile = ? AND filing_reference IS NOT NULL', c.mobile)[0][0]).toBe(1);
});

test('a wrong OTP says how many tries are left', async ({ page }) => {
  const form = new ComplaintForm(page, 'en');
  await form.reachCheck(sampleComplaint());
  await form.toVerify();
  await form.verifyAndSend('000000');
  await expect(page.locator('#f-otp-error')).toContainText(t('en', 'journey.code_otp_wrong'));
  await expect(page.locator('#f-otp-error')).toContainText('4 tries left');
});

test('an older voter ID format is a warning to check, not an error', async ({ page }) => {
  const form = new ComplaintForm(page, 'hi');
  await form.start();
  await form.fillAboutYou(sampleComplaint());
  await page.locator('#f-id_type').selectOption('epic');
  await page.locator('#f-id_number').fill('BR/12/345/678901');
  await expect(page.locator('.ns-warning')).toHaveText(t('hi', 'errors.epic_unusual'));
  await page.locator('#f-id_number').fill('ABC1234567');
  await expect(page.locator('.ns-warning')).toHaveCount(0);
  await page.locator('#f-id_number').fill('BR/12/345/678901');
  await form.next('step_what_happened');
});
