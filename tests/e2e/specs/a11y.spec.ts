import { axeTest as test, expectNoAxeViolations } from '../fixtures';
import { LANGS } from '../locales';
import { SERVICE_PATHS } from '../services';
import { AppShell } from '../pages/AppShell';

// axe-core is injected as an inline script, so these pages bypass CSP (see fixtures.ts);
// csp.spec.ts checks the real policy.
const PAGES = ['/', ...SERVICE_PATHS, '/no-such-page'];

for (const lang of LANGS) {
  test.describe(`accessibility (${lang})`, () => {
    for (const path of PAGES) {
      test(`${path} has no WCAG 2.1 AA violations`, async ({ page }) => {
        const shell = new AppShell(page);
        await shell.preferLanguage(lang);
        await shell.goto(path);
        await test.expect(shell.html).toHaveAttribute('lang', lang);
        await expectNoAxeViolations(page, `${path} (${lang})`);
      });
    }
  });
}
