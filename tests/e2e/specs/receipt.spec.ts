// A receipt is shown only to the browser that filed it or found it by reference and mobile
// (references are sequential: a public receipt would let anyone count filings). Another
// browser that opens the receipt's address is told so in its language and led to the lookup.
import { axeTest as test, expect, expectNoAxeViolations } from '../fixtures';
import { LANGS, t } from '../locales';
import { fileComplaint } from '../filing';
import { AppShell } from '../pages/AppShell';

for (const lang of LANGS) {
  test(`another browser's receipt address says who may see it and leads to the lookup (${lang})`, async ({ page }) => {
    // Filed in its own cookie jar: this page's browser never verified the mobile.
    const { reference, mobile } = await fileComplaint();
    const shell = new AppShell(page);
    await shell.preferLanguage(lang);
    await shell.goto(`/complaint/confirmation/${reference}`);
    await expect(shell.main).toContainText(t(lang, 'journey.done_not_found'));
    await expect(page.locator('[data-testid="reference"]')).toHaveCount(0);
    await expect(shell.main).not.toContainText(reference);
    await expectNoAxeViolations(page, `receipt of another browser (${lang})`);

    // Found by reference and mobile, as the QR code's status page does: then it opens.
    await shell.main.getByRole('link', { name: t(lang, 'services.status_title') }).click();
    await expect(shell.h1).toHaveText(t(lang, 'services.status_title'));
    await page.locator('#f-reference').fill(reference);
    await page.locator('#f-mobile').fill(mobile);
    await page.locator('[data-testid="show-status"]').click();
    await expect(page).toHaveURL(new RegExp(`/status/${reference}$`));
    await shell.goto(`/complaint/confirmation/${reference}`);
    await expect(page.locator('[data-testid="reference"]')).toHaveText(reference);
  });
}
