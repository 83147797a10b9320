// Hostile and careless input in every text field of every journey (issue 14 §5): markup is
// shown as text and never runs, a 10,000-character paste gets the limit message and is kept,
// and direction overrides, zero-width characters, emoji and mixed Devanagari/Latin digits are
// kept as typed whether the field takes them or not. The server's side (a field code, never a
// 500) is server/tests/services.rs `hostile_text_in_every_text_field_of_every_service_…`.
import { test, expect } from '../fixtures';
import { t, type Lang } from '../locales';
import { JOURNEY_SLUGS } from '../services';
import { journeyAnswers } from '../journeys';
import { randomMobile } from '../filing';
import { JourneyForm } from '../pages/JourneyForm';
import type { Page } from '@playwright/test';

const LONG = 'क'.repeat(5_000) + 'a'.repeat(5_000);
// Short enough for the shortest free-text line (a town, a state).
const MARKUP = '<img src=x onerror=__h=1><b>';
const CARELESS = [
  '\u202ESita\u202C Devi\u200B\u200C\u200D',
  'चोरी 📱🔥 हुई 👨‍👩‍👧',
  'मकान १२3 गली ४5',
];

test.describe.configure({ mode: 'parallel' });

/** The text boxes shown on the page (not the date and time boxes) and the free-text ones among them, by declared id. */
async function textBoxes(page: Page): Promise<{ ids: string[]; free: string[] }> {
  return page.locator('main input.ns-input, main textarea.ns-textarea').evaluateAll((els) => {
    const shown = els.filter((e) => e.closest('.ns-date-input') === null);
    const id = (e: Element) => e.id.replace(/^f-/, '');
    // Free text: a description box, or a line whose rule is free text (the only inputs the
    // app lets the browser spell-check: names, addresses, places).
    const free = shown.filter((e) => e.tagName === 'TEXTAREA' || e.getAttribute('spellcheck') === 'true');
    return { ids: shown.map(id), free: free.map(id) };
  });
}

async function nothingRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __h?: number }).__h)).toBeUndefined();
  await expect(page.locator('main img[src="x"], main b')).toHaveCount(0);
}

for (const [i, slug] of JOURNEY_SLUGS.entries()) {
  const lang: Lang = i % 2 === 0 ? 'hi' : 'en';
  test(`${slug} (${lang}): markup, a 10,000-character paste and careless text in every text field`, async ({ page }) => {
    test.setTimeout(120_000);
    const form = new JourneyForm(page, lang, slug);
    const steps = journeyAnswers(slug, randomMobile());
    await form.preferLanguage(lang);
    await form.goto(`/${slug}`);
    await page.getByRole('button', { name: t(lang, 'journey.start_button') }).click();
    const field = (id: string) => page.locator(`#f-${id}`);
    let markupIn: string | undefined;
    let checked = 0;
    for (const [n, step] of steps.entries()) {
      const title = form.stepTitle(step.id);
      const nextTitle = n + 1 < steps.length ? form.stepTitle(steps[n + 1].id) : t(lang, 'forms.check_title');
      await expect(form.h1).toHaveText(title);
      await form.fill(step.answers);
      const { ids, free } = await textBoxes(page);
      checked += ids.length;
      if (ids.length === 0) {
        // A step of choices, dates or a photo only.
        await form.next(nextTitle);
        continue;
      }

      // A paste far over every limit: refused on each field, with the limit where the field
      // is free text, and every character still in its box.
      for (const id of ids) await field(id).fill(LONG);
      await form.continueButton.click();
      await expect(form.summary).toBeVisible();
      await expect(form.h1).toHaveText(title);
      const limit = t(lang, 'errors.too_long').split('{max}')[1].trim();
      for (const id of ids) {
        await expect(field(id), id).toHaveAttribute('aria-invalid', 'true');
        await expect(page.locator(`#f-${id}-error`), id).not.toBeEmpty();
        expect(await field(id).inputValue(), id).toHaveLength(LONG.length);
      }
      // Free text says how many characters it takes.
      for (const id of free) await expect(page.locator(`#f-${id}-error`), id).toContainText(limit);

      // Careless text, and markup in every box: kept as typed, on this step if refused, or
      // after coming back to it; nothing runs.
      for (const payload of [...CARELESS, MARKUP]) {
        for (const id of ids) await field(id).fill(payload);
        await form.continueButton.click();
        await expect(form.h1).toHaveText(new RegExp(`^(${escape(title)}|${escape(nextTitle)})$`));
        if ((await form.h1.textContent()) !== title) {
          await page.locator('a.ns-back-link').first().click();
          await expect(form.h1).toHaveText(title);
        }
        for (const id of ids) await expect(field(id), `${id} ${payload}`).toHaveValue(payload);
        await nothingRan(page);
      }

      // Markup in the free-text boxes (kept as the answer, so the check page shows it), valid
      // answers in the rest.
      for (const id of ids) await field(id).fill('');
      await form.fill(step.answers.filter((a) => 'text' in a));
      for (const id of free) {
        await field(id).fill(MARKUP);
        markupIn = id;
      }
      await form.continueButton.click();
      await expect(form.h1).toHaveText(nextTitle);
      await nothingRan(page);
    }
    // Check your answers shows the markup as the text it is, and nothing ran.
    // (A tip has the fewest: its kind of crime, place and description.)
    expect(checked, 'text boxes checked').toBeGreaterThanOrEqual(3);
    expect(markupIn, 'a journey has a free-text box').toBeDefined();
    await expect(form.main).toContainText(MARKUP);
    await nothingRan(page);
  });
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
