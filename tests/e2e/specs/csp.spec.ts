import { test, expect } from '../fixtures';
import { AppShell } from '../pages/AppShell';

// No bypassCSP here: the app must boot under the policy the server really sends.
test.describe('content security policy', () => {
  for (const path of ['/', '/helplines']) {
    test(`${path} boots under the real CSP without violations`, async ({ page }) => {
      const messages: string[] = [];
      page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));

      const response = await page.goto(path);
      expect(response?.headers()['content-security-policy'], 'the server sends a CSP').toBeTruthy();
      const shell = new AppShell(page);
      await shell.booted();
      // Late loads (styles, fonts, fetches) report violations after the first paint.
      await page.waitForLoadState('networkidle');

      const violations = messages.filter((m) => /Content Security Policy/i.test(m));
      expect(violations, violations.join('\n')).toEqual([]);
    });
  }
});
