import { expect, type Locator, type Page } from '@playwright/test';
import { journeyText, t, type Lang } from '../locales';
import { ANONYMOUS_SLUGS } from '../services';
import { AppShell } from './AppShell';
import { expectNoAxeViolations } from '../fixtures';

/** One answer as a citizen gives it, by the field's declared id (its input is `#f-<id>`). */
export type Answer =
  | { text: string; value: string }
  | { select: string; value: string }
  | { radio: string; option: string }
  | { date: string; d: string; m: string; y: string }
  | { photo: true }
  | { add: string };

/** A 1×1 PNG: small, so it is kept as it is. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Any service's journey, driven by labels, buttons and the declared field ids. */
export class JourneyForm extends AppShell {
  readonly summary: Locator;
  readonly continueButton: Locator;

  constructor(page: Page, readonly lang: Lang, readonly slug: string, readonly axe = false) {
    super(page);
    this.summary = page.locator('[data-testid="error-summary"]');
    this.continueButton = page.locator('[data-testid="continue"]');
  }

  get ns() {
    return this.slug.replace(/-/g, '_');
  }

  text(key: string) {
    return journeyText(this.lang, this.ns, key);
  }

  /** Filed by nobody known: the last page sends with no mobile and no code. */
  get anonymous() {
    return ANONYMOUS_SLUGS.includes(this.slug);
  }

  /** The last page's title: verify the mobile and send, or (anonymous) send. */
  get sendTitle() {
    return t(this.lang, this.anonymous ? 'journey.step_send_anonymous' : 'journey.step_verify');
  }

  stepTitle(stepId: string) {
    return this.text(`step_${stepId.replace(/-/g, '_')}`);
  }

  async scan(label: string) {
    if (this.axe) await expectNoAxeViolations(this.page, `${this.slug} ${label} (${this.lang})`);
  }

  async fill(answers: Answer[]) {
    const p = this.page;
    for (const a of answers) {
      if ('text' in a) await p.locator(`#f-${a.text}`).fill(a.value);
      else if ('select' in a) {
        // A station list loads after its district: wait for the option.
        await expect(p.locator(`#f-${a.select} option[value="${a.value}"]`)).toHaveCount(1);
        await p.locator(`#f-${a.select}`).selectOption(a.value);
      } else if ('radio' in a) {
        await p.locator(`input[type="radio"][name="${a.radio}"][value="${a.option}"]`).check();
      } else if ('date' in a) {
        await p.locator(`#f-${a.date}`).fill(a.d);
        await p.locator(`#f-${a.date}-month`).fill(a.m);
        await p.locator(`#f-${a.date}-year`).fill(a.y);
      } else if ('photo' in a) {
        await p.locator('#f-attachments').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: TINY_PNG });
        await expect(p.locator('[data-testid="file-list"]')).toContainText('photo.png');
      } else if ('add' in a) {
        await p.getByRole('button', { name: this.text(`${a.add}_add`) }).click();
      }
    }
  }

  /** Continue, and expect the next page's title. */
  async next(title: string) {
    await this.continueButton.click();
    await expect(this.h1).toHaveText(title);
  }

  /** Continue on a page with a problem: the summary lists `message` and focus goes to it. */
  async expectProblem(message: string) {
    await this.continueButton.click();
    await expect(this.summary).toBeVisible();
    await expect(this.summary).toBeFocused();
    await expect(this.summary).toContainText(message);
  }

  async fromHome() {
    await this.preferLanguage(this.lang);
    await this.goto('/');
    await this.main.locator(`a[data-testid="service-card"][href="/${this.slug}"]`).click();
    await expect(this.h1).toHaveText(t(this.lang, `services.${this.ns}_title`));
    await this.scan('start');
    await this.page.getByRole('button', { name: t(this.lang, 'journey.start_button') }).click();
  }

  async checkAndSend(mobileDisplay: string) {
    await expect(this.h1).toHaveText(t(this.lang, 'forms.check_title'));
    await this.scan('check answers');
    await this.page.locator('[data-testid="check-continue"]').click();
    await expect(this.h1).toHaveText(t(this.lang, 'journey.step_verify'));
    await expect(this.main).toContainText(mobileDisplay);
    await this.scan('verify');
    await this.page.locator('[data-testid="send-code"]').click();
    await this.page.locator('#f-otp').fill('123456');
    await this.page.locator('[data-testid="submit"]').click();
    const reference = this.page.locator('[data-testid="reference"]');
    await expect(reference).toBeVisible();
    await this.scan('acknowledgement');
    return (await reference.textContent())?.trim() ?? '';
  }
}
