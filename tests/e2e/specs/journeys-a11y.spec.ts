// Every service's journey in both languages: each step as it opens, its error state (Continue
// with nothing typed), Check your answers and Verify, with no WCAG 2.1 AA violations. The
// complaint's own walk is complaint-a11y.spec.ts; each service's rules are in its own spec.
import { axeTest as test, expect, expectNoAxeViolations } from '../fixtures';
import { LANGS, t } from '../locales';
import { JOURNEY_SLUGS } from '../services';
import { journeyAnswers } from '../journeys';
import { randomMobile } from '../filing';
import { JourneyForm } from '../pages/JourneyForm';

test.describe.configure({ mode: 'parallel' });

/** Longer than any text box takes. */
const TOO_LONG = 'अ'.repeat(2_100);

for (const slug of JOURNEY_SLUGS.filter((s) => s !== 'complaint')) {
  for (const lang of LANGS) {
    test(`${slug} (${lang}): every step and its error state have no WCAG 2.1 AA violations`, async ({ page }) => {
      test.setTimeout(120_000);
      const form = new JourneyForm(page, lang, slug);
      const steps = journeyAnswers(slug, randomMobile());
      await form.preferLanguage(lang);
      await form.goto(`/${slug}`);
      await expectNoAxeViolations(page, `${slug} start (${lang})`);
      await page.getByRole('button', { name: t(lang, 'journey.start_button') }).click();
      for (const [n, step] of steps.entries()) {
        await expect(form.h1).toHaveText(form.stepTitle(step.id));
        await expectNoAxeViolations(page, `${slug} ${step.id} (${lang})`);
        // The error state: the step's repeatable entries added, nothing chosen, and every text
        // box over its limit (a step of optional answers has errors too, unless it is only an
        // optional file: then there is none to show).
        await form.fill(step.answers.filter((a) => 'add' in a));
        if (step.optional) {
          await form.fill(step.answers);
          await form.next(n + 1 < steps.length ? form.stepTitle(steps[n + 1].id) : t(lang, 'forms.check_title'));
          continue;
        }
        const boxes = page.locator('main input.ns-input:not(.ns-date-input input), main textarea');
        for (const box of await boxes.all()) await box.fill(TOO_LONG);
        await form.continueButton.click();
        await expect(form.summary).toBeVisible();
        await expect(form.summary).toBeFocused();
        await expectNoAxeViolations(page, `${slug} ${step.id} errors (${lang})`);
        for (const box of await boxes.all()) await box.fill('');
        await form.fill(step.answers.filter((a) => !('add' in a)));
        await form.next(n + 1 < steps.length ? form.stepTitle(steps[n + 1].id) : t(lang, 'forms.check_title'));
      }
      await expectNoAxeViolations(page, `${slug} check answers (${lang})`);
      await page.locator('[data-testid="check-continue"]').click();
      await expect(form.h1).toHaveText(form.sendTitle);
      await expectNoAxeViolations(page, `${slug} verify (${lang})`);
    });
  }
}
