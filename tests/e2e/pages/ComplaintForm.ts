import { expect, type Locator, type Page } from '@playwright/test';
import { journeyText, t, type Lang } from '../locales';
import { AppShell } from './AppShell';

/** A complaint a citizen could really file; `mobile` differs per test (OTP rate limits). */
export type Complaint = {
  name: string;
  relative: string;
  mobile: string;
  description: string;
};

export function sampleComplaint(): Complaint {
  const mobile = `9${Math.floor(100000000 + Math.random() * 899999999)}`;
  return {
    name: 'सीता देवी',
    relative: 'Ram Kumar',
    mobile,
    description: 'My bag with a phone and Rs 2000 was snatched by two men on a motorbike.',
  };
}

/** Yesterday in India, as the three date boxes take it. */
export function yesterdayIst(): [string, string, string] {
  const ist = new Date(Date.now() + 5.5 * 3600 * 1000 - 24 * 3600 * 1000);
  return [String(ist.getUTCDate()), String(ist.getUTCMonth() + 1), String(ist.getUTCFullYear())];
}

/** The e-complaint journey, driven the way a citizen would: labels, buttons, links. */
export class ComplaintForm extends AppShell {
  readonly summary: Locator;
  readonly continueButton: Locator;

  constructor(page: Page, readonly lang: Lang) {
    super(page);
    this.summary = page.locator('[data-testid="error-summary"]');
    this.continueButton = page.locator('[data-testid="continue"]');
  }

  /** A complaint text, found as the app finds it: the service's own, then the shared blocks'. */
  label(key: string) {
    return journeyText(this.lang, 'complaint', key);
  }

  async start() {
    await this.preferLanguage(this.lang);
    await this.goto('/complaint');
    await this.page.getByRole('button', { name: t(this.lang, 'journey.start_button') }).click();
    await expect(this.h1).toHaveText(this.label('step_about_you'));
  }

  async fillAboutYou(c: Complaint) {
    const p = this.page;
    await p.locator('#f-name').fill(c.name);
    await p.locator('#f-relative_name').fill(c.relative);
    await p.getByLabel(this.label('gender_female')).check();
    await p.locator('#f-dob').fill('5');
    await p.locator('#f-dob-month').fill('3');
    await p.locator('#f-dob-year').fill('1990');
    await p.locator('#f-mobile').fill(c.mobile);
    await p.locator('#f-house').fill('House 12, Ward 4');
    await p.locator('#f-locality').fill('Kankarbagh');
    await p.locator('#f-district').selectOption('PAT');
    await expect(p.locator('#f-station option[value="PAT-KOTWALI"]')).toHaveCount(1);
    await p.locator('#f-station').selectOption('PAT-KOTWALI');
    await p.locator('#f-pin').fill('800020');
    await p.locator('#f-id_type').selectOption('aadhaar');
    await p.locator('#f-id_number').fill('2345 6789 0124');
  }

  async fillWhatHappened(c: Complaint) {
    const p = this.page;
    await p.locator('#f-category').selectOption('theft');
    await p.getByLabel(this.label('date_known_exact')).check();
    const [d, m, y] = yesterdayIst();
    await p.locator('#f-incident_date').fill(d);
    await p.locator('#f-incident_date-month').fill(m);
    await p.locator('#f-incident_date-year').fill(y);
    await p.locator('#f-incident_time').fill('21');
    await p.locator('#f-incident_time-minute').fill('30');
    await p.locator('#f-place').fill('Near Gandhi Maidan bus stand');
    await p.locator('#f-incident_district').selectOption('PAT');
    await expect(p.locator('#f-incident_station option[value="PAT-GANDHI-MAIDAN"]')).toHaveCount(1);
    await p.locator('#f-incident_station').selectOption('PAT-GANDHI-MAIDAN');
    await p.locator('#f-description').fill(c.description);
  }

  async next(titleKey: string) {
    await this.continueButton.click();
    await expect(this.h1).toHaveText(this.label(titleKey));
  }

  /** Fills every step up to the check page. */
  async reachCheck(c: Complaint, withFile = false) {
    await this.start();
    await this.fillAboutYou(c);
    await this.next('step_what_happened');
    await this.fillWhatHappened(c);
    await this.next('step_people');
    await this.next('step_attachments');
    if (withFile) {
      await this.page.locator('#f-attachments').setInputFiles({
        name: 'receipt.png',
        mimeType: 'image/png',
        // A 1×1 PNG: small, so it is kept as it is.
        buffer: Buffer.from(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
          'base64',
        ),
      });
      await expect(this.page.locator('[data-testid="file-list"]')).toContainText('receipt.png');
    }
    await this.continueButton.click();
    await expect(this.h1).toHaveText(t(this.lang, 'forms.check_title'));
  }

  async toVerify() {
    await this.page.locator('[data-testid="check-continue"]').click();
    await expect(this.h1).toHaveText(this.label('step_verify'));
  }

  async verifyAndSend(code = '123456') {
    await this.page.locator('[data-testid="send-code"]').click();
    await this.page.locator('#f-otp').fill(code);
    await this.page.locator('[data-testid="submit"]').click();
  }
}
