// The fault matrix (issue 14 §2): any journey driven to its sending step, sent under a fault,
// and checked for what the citizen is told, that every answer is still on the page and in the
// draft, and how many filings the database holds; then sent again until it is filed once.
// A service gets the matrix by being in JOURNEY_SLUGS (and having answers in journeys.ts).
import { expect, test, type BrowserContext, type Page, type Route } from '@playwright/test';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { query } from './db';
import { randomMobile } from './filing';
import { draftAnswers, journeyAnswers, type JourneyStep } from './journeys';
import { t, type Lang } from './locales';
import { JourneyForm } from './pages/JourneyForm';

/** How long the app waits for a filing's answer (`SUBMIT_TIMEOUT_SECS` in src/api.rs). */
export const SUBMIT_TIMEOUT_S = 20;

/** One fault put in at the moment of sending. */
export type Fault = {
  /** The matrix's row name. */
  title: string;
  /** What the citizen must be told, in `lang`. */
  message: (lang: Lang) => string;
  /** The server files the answers before the citizen sees the fault. */
  files: boolean;
  arm: (j: FaultJourney) => Promise<void>;
  /** After Send is pressed, until the fault shows (time passing, a notice). */
  during?: (j: FaultJourney) => Promise<void>;
  disarm?: (j: FaultJourney) => Promise<void>;
};

const json = (body: unknown) => JSON.stringify(body);
/** The send page's offline notice: a tip's says its answers are on the page only. */
const offlineNotice = (j: FaultJourney) =>
  t(j.lang, j.form.anonymous ? 'journey.send_anonymous_offline' : 'journey.verify_offline');
const seconds = (lang: Lang, key: string, n: number) => t(lang, key).replace('{seconds}', String(n));

export const FAULTS = {
  api500: {
    title: 'API 500',
    message: (lang) => t(lang, 'errors.server'),
    files: false,
    arm: (j) =>
      j.page.route(j.submissions, (route) =>
        route.fulfill({ status: 500, contentType: 'application/json', body: json({ error: { code: 'internal' } }) }),
      ),
  },
  busy503: {
    title: '503 + Retry-After: 30 (a proxy’s HTML page)',
    message: (lang) => seconds(lang, 'errors.busy', 30),
    files: false,
    arm: (j) =>
      j.page.route(j.submissions, (route) =>
        route.fulfill({
          status: 503,
          headers: { 'Retry-After': '30' },
          contentType: 'text/html',
          body: '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>',
        }),
      ),
  },
  rate429: {
    title: '429 + Retry-After: 45',
    message: (lang) => seconds(lang, 'errors.rate_limited', 45),
    files: false,
    arm: (j) =>
      j.page.route(j.submissions, (route) =>
        route.fulfill({
          status: 429,
          headers: { 'Retry-After': '45' },
          contentType: 'application/json',
          body: json({ error: { code: 'rate_limited', retry_after_secs: 45 } }),
        }),
      ),
  },
  notJson: {
    title: 'a body that is not JSON (200, a captive portal’s page)',
    message: (lang) => t(lang, 'errors.server'),
    files: false,
    arm: (j) =>
      j.page.route(j.submissions, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<html><body><h1>Wi-Fi login</h1><form>…</form></body></html>' }),
      ),
  },
  wrongShape: {
    title: 'JSON of the wrong shape (201 after the server filed it)',
    message: (lang) => t(lang, 'errors.server'),
    files: true,
    arm: (j) =>
      j.page.route(j.submissions, async (route) => {
        const filed = await route.fetch();
        j.filedReference = (await filed.json()).reference;
        await route.fulfill({ status: 201, contentType: 'application/json', body: json({ receipt: { ok: true } }) });
      }),
  },
  offline: {
    title: 'offline at the moment of sending, then back online',
    message: (lang) => t(lang, 'errors.network'),
    files: false,
    arm: (j) => j.context.setOffline(true),
    during: async (j) => {
      await expect(j.page.getByText(offlineNotice(j))).toBeVisible();
    },
    disarm: async (j) => {
      await j.context.setOffline(false);
      await expect(j.page.getByText(offlineNotice(j))).toHaveCount(0);
    },
  },
  hang: {
    title: `no answer at all (held past 60 s; the app gives up at ${SUBMIT_TIMEOUT_S} s)`,
    message: (lang) => seconds(lang, 'errors.timed_out', SUBMIT_TIMEOUT_S),
    files: false,
    arm: async (j) => {
      j.held = [];
      // Never answered: the request stays open until the app gives up on it.
      await j.page.route(j.submissions, (route) => {
        j.held.push(route);
      });
    },
    during: async (j) => {
      await expect.poll(() => j.held.length).toBe(1);
      // Not before the stated time: still sending, nothing said yet.
      await j.page.clock.runFor((SUBMIT_TIMEOUT_S - 2) * 1000);
      await expect(j.submit).toHaveText(t(j.lang, 'journey.sending'));
      await expect(j.failure).toHaveCount(0);
      await j.page.clock.runFor(3_000);
    },
  },
  lost: {
    title: 'the answer lost after the server filed it (connection reset)',
    message: (lang) => t(lang, 'errors.network'),
    files: true,
    arm: (j) =>
      j.page.route(j.submissions, async (route) => {
        const filed = await route.fetch();
        j.filedReference = (await filed.json()).reference;
        await route.abort('connectionreset');
      }),
  },
} satisfies Record<string, Fault>;

/** One row of the printed matrix, written as the tests assert it. */
export type Row = { journey: string; lang: string; fault: string; message: string; kept: string; filings: number; reference?: string };

/**
 * Written under REPO_ROOT/target/fault-matrix/, one file per test (rewritten when it runs), not
 * in test-results/, which any other Playwright run in the checkout empties when it starts.
 */
export function record(row: Row) {
  const dir = join(process.env.REPO_ROOT ?? '../..', 'target', 'fault-matrix');
  mkdirSync(dir, { recursive: true });
  const info = test.info();
  const file = join(dir, `${info.titlePath.join(' › ').replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 150)}.jsonl`);
  if (!written.has(file)) writeFileSync(file, '');
  written.add(file);
  appendFileSync(file, `${JSON.stringify(row)}\n`);
}
const written = new Set<string>();

/** A journey sent under faults, by one citizen (one mobile, one form, one Idempotency-Key). */
export class FaultJourney {
  readonly form: JourneyForm;
  readonly mobile = randomMobile();
  readonly steps: JourneyStep[];
  /** The Idempotency-Key of every submission the page made. */
  readonly keys: string[] = [];
  /** A reference the server gave in an answer the app never read. */
  filedReference?: string;
  held: Route[] = [];
  /** The check page's rows (label, answer) before any fault. */
  private rows: string[][] = [];
  private filed = false;

  constructor(readonly page: Page, readonly context: BrowserContext, readonly lang: Lang, readonly slug: string) {
    this.form = new JourneyForm(page, lang, slug);
    this.steps = journeyAnswers(slug, this.mobile);
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith(`/api/v1/services/${slug}/submissions`)) {
        this.keys.push(r.headers()['idempotency-key'] ?? '');
      }
    });
  }

  get submissions() {
    return `**/api/v1/services/${this.slug}/submissions`;
  }
  get submit() {
    return this.page.locator('[data-testid="submit"]');
  }
  /** The sending failure, as the error summary lists it (its link goes to the Send button). */
  get failure() {
    return this.page.locator('[data-testid="error-summary"] a[href="#ns-send"]');
  }
  get draftKey() {
    return `ns.draft.${this.slug}`;
  }

  /** How many files the journey chose (one photo per `photo` answer). */
  get chosenFiles(): number {
    return this.steps.flatMap((s) => s.answers).filter((a) => 'photo' in a).length;
  }

  /** The files the filing under `reference` holds, as the server counted them. */
  filedFiles(reference: string): number {
    return Number(query('SELECT attachments FROM filings WHERE reference = ?', reference)[0]?.[0]);
  }

  /** This citizen's filings: by the mobile, or for an anonymous tip by the number its answers carry. */
  filings(): string[] {
    const rows = this.form.anonymous
      ? query('SELECT reference FROM filings WHERE service = ? AND mobile IS NULL AND answers LIKE ?', this.slug, `%${this.mobile}%`)
      : query('SELECT reference FROM filings WHERE service = ? AND mobile = ?', this.slug, this.mobile);
    return rows.map((r) => String(r[0]));
  }

  /** The send button's text once nothing more is asked (a code verified, or nobody to verify). */
  get submitText() {
    return t(this.lang, this.form.anonymous ? 'journey.send_anonymous_button' : 'journey.submit');
  }

  private readRows(): Promise<string[][]> {
    return this.page.locator('.ns-summary-list__row').evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('dt')?.textContent?.trim() ?? '', r.querySelector('dd')?.textContent?.trim() ?? '']),
    );
  }

  /** From the service's start page through every step to Verify, the code typed, not sent. */
  async reachVerify() {
    const { form, page, lang } = this;
    await form.preferLanguage(lang);
    await form.goto(`/${this.slug}`);
    await expect(form.h1).toHaveText(t(lang, `services.${form.ns}_title`));
    await page.getByRole('button', { name: t(lang, 'journey.start_button') }).click();
    for (const [i, step] of this.steps.entries()) {
      await expect(form.h1).toHaveText(form.stepTitle(step.id));
      await form.fill(step.answers);
      await form.next(i + 1 < this.steps.length ? form.stepTitle(this.steps[i + 1].id) : t(lang, 'forms.check_title'));
    }
    const name = this.steps[0].answers.find((a) => 'text' in a) as { value: string };
    await expect(form.main).toContainText(name.value);
    this.rows = await this.readRows();
    expect(this.rows.length).toBeGreaterThan(3);
    await page.locator('[data-testid="check-continue"]').click();
    await expect(form.h1).toHaveText(form.sendTitle);
    if (form.anonymous) return;
    await page.locator('[data-testid="send-code"]').click();
    await page.locator('#f-otp').fill('123456');
  }

  /** Send under `fault`: the message, every answer kept, the filings so far; the fault removed. */
  async sendUnder(fault: Fault) {
    await fault.arm(this);
    await this.submit.click();
    await (fault.during ?? (async () => {}))(this);
    await expect(this.failure).toHaveText(fault.message(this.lang));
    await expect(this.form.h1).toHaveText(this.form.sendTitle);
    await (fault.disarm ?? ((j: FaultJourney) => j.page.unroute(j.submissions)))(this);
    this.filed ||= fault.files;
    const filings = this.filings();
    expect(filings, 'filings after the fault').toEqual(this.filed ? [this.filedReference] : []);
    await this.expectNothingLost();
    record({ journey: this.slug, lang: this.lang, fault: fault.title, message: fault.message(this.lang), kept: 'yes', filings: filings.length });
  }

  /** The draft holds every answer and the one key; Check answers shows what it showed before. */
  async expectNothingLost() {
    const { page, form, lang } = this;
    expect(this.keys.length).toBeGreaterThan(0);
    if (form.anonymous) {
      // A tip keeps nothing on the device: its answers are on the page only.
      const stored = await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage));
      expect(stored, 'nothing of the tip in storage').not.toContain(this.mobile);
      expect(new Set(this.keys).size, 'one Idempotency-Key for every try').toBe(1);
    } else {
      const raw = await page.evaluate((k) => localStorage.getItem(k), this.draftKey);
      expect(raw, `a draft in ${this.draftKey}`).not.toBeNull();
      const draft = JSON.parse(raw ?? '{}');
      expect(draft.answers).toMatchObject(draftAnswers(this.steps));
      expect([...new Set(this.keys)], 'one Idempotency-Key for every try').toEqual([draft.idempotency_key]);
    }
    await page.locator('a.ns-back-link').click();
    await expect(form.h1).toHaveText(t(lang, 'forms.check_title'));
    await expect.poll(() => this.readRows()).toEqual(this.rows);
    await page.locator('[data-testid="check-continue"]').click();
    await expect(form.h1).toHaveText(form.sendTitle);
    // Still verified in this session: no second code asked for.
    await expect(this.submit).toHaveText(this.submitText);
  }

  /** Android kills the tab after a failed send: the reload offers every answer back. */
  async reloadOnVerify() {
    const { page, form, lang } = this;
    await page.reload();
    await form.booted();
    await expect(form.h1).toHaveText(t(lang, 'journey.step_verify'));
    await page.getByRole('button', { name: t(lang, 'forms.draft_continue') }).click();
    await expect(form.main).toContainText(`${this.mobile.slice(0, 5)} ${this.mobile.slice(5)}`);
    await expect(this.submit).toHaveText(t(lang, 'journey.submit'));
    await this.expectNothingLost();
    record({ journey: this.slug, lang, fault: 'a reload on Verify after a failed send (issue 16, 2)', message: t(lang, 'forms.draft_continue'), kept: 'yes', filings: this.filings().length });
  }

  /** Send with no fault: filed once, under the reference the server gave first if it did. */
  async sendAndFile(): Promise<string> {
    await this.submit.click();
    const reference = this.page.locator('[data-testid="reference"]');
    await expect(reference).toBeVisible();
    const shown = (await reference.textContent())?.trim() ?? '';
    expect(this.filings(), 'exactly one filing').toEqual([shown]);
    expect(this.filedFiles(shown), 'every file chosen is filed with it').toBe(this.chosenFiles);
    // After a fault that filed, the retry is answered with that filing's reference.
    expect(shown, 'the reference already filed').toBe(this.filed ? this.filedReference : shown);
    expect(new Set(this.keys).size, 'one Idempotency-Key for every try').toBe(1);
    expect(await this.page.evaluate((k) => localStorage.getItem(k), this.draftKey), 'no draft once filed').toBeNull();
    record({ journey: this.slug, lang: this.lang, fault: 'retry, no fault', message: '(acknowledgement)', kept: '-', filings: 1, reference: shown });
    return shown;
  }

  /**
   * After a lost answer the citizen changes an answer and sends again (issue 16, 1): told
   * plainly that the first answers were already sent, with their reference; no second filing.
   */
  async changeAndSend(): Promise<string> {
    const { page, form, lang } = this;
    const first = this.steps.flatMap((s) => s.answers).find((a) => 'text' in a) as { text: string; value: string };
    const changed = first.value.split(' ').reverse().join(' ');
    expect(changed).not.toBe(first.value);
    await page.locator('a.ns-back-link').click();
    await expect(form.h1).toHaveText(t(lang, 'forms.check_title'));
    await page.locator(`a[href$="#f-${first.text}"]`).click();
    await page.locator(`#f-${first.text}`).fill(changed);
    await form.continueButton.click();
    await expect(form.h1).toHaveText(t(lang, 'forms.check_title'));
    await expect(form.main).toContainText(changed);
    await page.locator('[data-testid="check-continue"]').click();
    await expect(this.submit).toHaveText(this.submitText);
    await this.submit.click();
    await expect(page.locator('[data-testid="already-sent"]')).toHaveText(t(lang, 'journey.already_sent'));
    const shown = (await page.locator('[data-testid="reference"]').textContent())?.trim() ?? '';
    expect(shown).toBe(this.filedReference);
    expect(this.filings(), 'exactly one filing').toEqual([shown]);
    expect(this.filedFiles(shown), 'every file chosen is filed with it').toBe(this.chosenFiles);
    record({ journey: this.slug, lang, fault: 'answer lost, then an answer changed and sent (issue 16, 1)', message: t(lang, 'journey.already_sent'), kept: '-', filings: 1, reference: shown });
    return shown;
  }
}
