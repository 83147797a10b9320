import { test, expect } from '../fixtures';
import { serviceTitleKey, t } from '../locales';
import { JOURNEY_SLUGS, SERVICE_SLUGS } from '../services';
import { AppShell } from '../pages/AppShell';
import { HomePage } from '../pages/HomePage';

test.describe('routes', () => {
  test('home lists the 13 services in order, each titled from the locale', async ({ page }) => {
    const home = new HomePage(page);
    await home.open();
    await expect(home.cards).toHaveCount(SERVICE_SLUGS.length);
    const hrefs = await home.cards.evaluateAll((cards) => cards.map((c) => c.getAttribute('href')));
    expect(hrefs).toEqual(SERVICE_SLUGS.map((s) => `/${s}`));
    for (const [i, slug] of SERVICE_SLUGS.entries()) {
      await expect(home.cardHeading(home.cards.nth(i))).toHaveText(t('hi', serviceTitleKey(slug)));
    }
  });

  for (const slug of SERVICE_SLUGS) {
    test(`home card → /${slug}`, async ({ page }) => {
      const home = new HomePage(page);
      await home.open();
      await home.card(slug).click();
      await expect(page).toHaveURL(new RegExp(`/${slug}$`));
      await expect(home.h1).toHaveText(t('hi', serviceTitleKey(slug)));
      await expect(home.h1).not.toHaveText(t('hi', 'errors.not_found_title'));
      await expect(page).toHaveTitle(`${t('hi', serviceTitleKey(slug))} – ${t('hi', 'common.app_name')}`);
      const start = page.getByRole('button', { name: t('hi', 'journey.start_button') });
      // A declared service opens its journey: a start page with a working Start button; every
      // other card opens a page of its own.
      await expect(start).toHaveCount(JOURNEY_SLUGS.includes(slug) ? 1 : 0);
    });
  }

  test('deep links load the right page', async ({ page }) => {
    const shell = new AppShell(page);
    await shell.goto('/helplines');
    await expect(shell.h1).toHaveText(t('hi', 'services.helplines_title'));
    for (const number of ['112', '1930', '1091', '1098']) {
      await expect(shell.main.locator(`a[href="tel:${number}"]`).first()).toBeVisible();
    }

    await shell.goto('/tenant-verification/family');
    await expect(shell.h1).toHaveText(t('hi', 'tenant_verification.step_family'));

    await page.reload();
    await shell.booted();
    await expect(shell.h1).toHaveText(t('hi', 'tenant_verification.step_family'));

    await shell.goto('/event-permission');
    await expect(shell.h1).toHaveText(t('hi', 'services.event_permission_title'));
  });

  test('an unknown path shows the not-found page, at the address that was not found', async ({ page }) => {
    const shell = new AppShell(page);
    // Each bundle answers an unknown path under its own section (light, forms, status,
    // records) itself, without a hand-over to another address.
    for (const path of ['/no-such-page', '/complaint/no/such/step', '/status/no-such-case', '/fir-copy/no-such-page']) {
      await shell.goto(path);
      await expect(shell.h1, path).toHaveText(t('hi', 'errors.not_found_title'));
      expect(new URL(page.url()).pathname, path).toBe(path);
    }
  });

  test('an unknown API path is a JSON 404, not the app', async ({ request }) => {
    const response = await request.get('/api/v1/nope');
    expect(response.status()).toBe(404);
    expect(response.headers()['content-type']).toContain('application/json');
    const body = await response.json();
    expect(body.error?.code ?? body.code).toBe('not_found');
  });
});

test('a host that answers a form path with the light bundle gets a message, not a reload loop', async ({ page }) => {
  const light = await (await page.request.get('/')).text();
  await page.route('**/complaint/what-happened', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: light }),
  );
  let loads = 0;
  page.on('load', () => (loads += 1));
  const shell = new AppShell(page);
  await shell.preferLanguage('en');
  await page.goto('/complaint/what-happened');
  await expect(page.locator('main [role="alert"]')).toHaveText(t('en', 'errors.server'));
  await page.waitForTimeout(1_000);
  expect(loads).toBeLessThanOrEqual(2);
});
