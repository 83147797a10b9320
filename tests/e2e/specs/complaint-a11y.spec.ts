import { axeTest as test, expectNoAxeViolations } from '../fixtures';
import { LANGS } from '../locales';
import { ComplaintForm, sampleComplaint } from '../pages/ComplaintForm';

// Every step of the journey, with and without its error state, in both languages.
for (const lang of LANGS) {
  test(`e-complaint pages have no WCAG 2.1 AA violations (${lang})`, async ({ page }) => {
    test.setTimeout(90_000);
    const form = new ComplaintForm(page, lang);
    const c = sampleComplaint();
    await form.start();
    await expectNoAxeViolations(page, `about-you (${lang})`);
    await form.continueButton.click();
    await test.expect(form.summary).toBeVisible();
    await expectNoAxeViolations(page, `about-you errors (${lang})`);
    await form.fillAboutYou(c);
    await form.next('step_what_happened');
    await expectNoAxeViolations(page, `what-happened (${lang})`);
    await form.continueButton.click();
    await test.expect(form.summary).toBeVisible();
    await expectNoAxeViolations(page, `what-happened errors (${lang})`);
    await form.fillWhatHappened(c);
    await form.next('step_people');
    await page.getByRole('button', { name: form.label('suspects_add') }).click();
    await form.continueButton.click();
    await test.expect(form.summary).toBeVisible();
    await expectNoAxeViolations(page, `people errors (${lang})`);
    await page.getByLabel(form.label('suspects_known_unknown')).check();
    await form.next('step_attachments');
    await expectNoAxeViolations(page, `attachments (${lang})`);
    await form.continueButton.click();
    await expectNoAxeViolations(page, `check answers (${lang})`);
    await form.toVerify();
    await expectNoAxeViolations(page, `verify (${lang})`);
    await form.verifyAndSend('000000');
    await test.expect(form.summary).toBeVisible();
    await expectNoAxeViolations(page, `verify errors (${lang})`);
    await page.locator('#f-otp').fill('123456');
    await page.locator('[data-testid="submit"]').click();
    await test.expect(page.locator('[data-testid="reference"]')).toBeVisible();
    await expectNoAxeViolations(page, `confirmation (${lang})`);
  });
}
