// Kiosk mode at a police station: idle warning and reset, Finish, nothing left behind for the
// next citizen, the on-screen Hindi/English keyboard, and the slip on an 80 mm receipt.
import { request } from '@playwright/test';
import { test, axeTest, expect, expectNoAxeViolations } from '../fixtures';
import { BASE_URL } from '../browser';
import { LANGS, t } from '../locales';
import { fileComplaint } from '../filing';
import { ComplaintForm, sampleComplaint } from '../pages/ComplaintForm';
import { Kiosk, browserStorage } from '../pages/Kiosk';

test.describe('idle reset', () => {
  test('idle 120 s → warning that counts down 30 s → everything cleared, home in Hindi', async ({ page }) => {
    await page.clock.install();
    const kiosk = new Kiosk(page);
    await kiosk.open();
    // The previous citizen switched to English and went to another page.
    await kiosk.switchLanguage();
    await kiosk.expectLanguage('en');
    await page.getByRole('link', { name: t('en', 'services.helplines_title') }).first().click();
    await expect(kiosk.h1).toHaveText(t('en', 'services.helplines_title'));

    await page.clock.runFor(110_000);
    await expect(kiosk.dialog).not.toBeVisible();
    await page.clock.runFor(12_000);
    await expect(kiosk.dialog).toBeVisible();
    await expect(kiosk.dialog.getByRole('heading')).toHaveText(t('en', 'kiosk.still_there'));
    await expect(kiosk.continueButton).toBeFocused();
    // The countdown is checked to the second: stop the clock ticking by itself, so that only
    // runFor moves it and a slow machine's real seconds cannot take one more off the count.
    await kiosk.pauseClock();
    const left = await kiosk.secondsLeft();
    expect(left).toBeGreaterThanOrEqual(15);
    expect(left).toBeLessThanOrEqual(27);
    await page.clock.runFor(10_000);
    await expect.poll(() => kiosk.secondsLeft()).toBe(left - 10);
    await page.clock.resume();

    await page.clock.runFor(left * 1000);
    await kiosk.expectFreshHome('hi');
  });

  test('"Continue" keeps the citizen\'s answers and starts the idle time again', async ({ page }) => {
    await page.clock.install();
    const kiosk = new Kiosk(page);
    await kiosk.open();
    const form = new ComplaintForm(page, 'hi');
    await form.start();
    await page.locator('#f-name').fill('सीता देवी');

    await page.clock.runFor(125_000);
    await expect(kiosk.dialog).toBeVisible();
    await expect(kiosk.dialog.getByRole('heading')).toHaveText(t('hi', 'kiosk.still_there'));
    await kiosk.continueButton.click();
    await expect(kiosk.dialog).not.toBeVisible();
    await page.clock.runFor(60_000);
    await expect(kiosk.dialog).not.toBeVisible();
    await expect(page.locator('#f-name')).toHaveValue('सीता देवी');
    await expect(page).toHaveURL(/\/complaint\//);

    // Input counts as activity: a key press 100 s in puts the warning 120 s after it.
    await page.clock.runFor(40_000);
    await page.locator('#f-relative_name').press('a');
    await page.clock.runFor(100_000);
    await expect(kiosk.dialog).not.toBeVisible();
    await page.clock.runFor(25_000);
    await expect(kiosk.dialog).toBeVisible();
    // Escape is "Continue" too.
    await page.keyboard.press('Escape');
    await expect(kiosk.dialog).not.toBeVisible();
    await expect(page.locator('#f-relative_name')).toHaveValue('a');
  });

  test('"Finish" clears at once; the idle time and language come from the start address', async ({ page }) => {
    await page.clock.install();
    const kiosk = new Kiosk(page);
    await kiosk.open('&idle=45&lang=en');
    await kiosk.expectLanguage('en');
    await page.goto('/complaint');
    await kiosk.booted();
    await page.getByRole('button', { name: t('en', 'journey.start_button') }).click();
    await page.locator('#f-name').fill('Sita Devi');
    await kiosk.switchLanguage();
    await expect(kiosk.finish).toHaveText(t('hi', 'kiosk.finish'));
    await kiosk.finish.click();
    await kiosk.expectFreshHome('en');
    await expect(page).toHaveURL(/idle=45&lang=en$/);

    // The shorter idle time from the address still applies after the reset. The reset loaded a
    // new document while the fake clock ticked in real time, so stop it here (3 s on): a slow
    // machine's seconds then count only up to this point, and the margins below allow 10 s of them.
    await kiosk.pauseClock();
    await page.clock.runFor(30_000);
    await expect(kiosk.dialog).not.toBeVisible();
    // 50 s after the reset at the latest: past the address's 45 s, far before the default 120 s.
    await page.clock.runFor(20_000);
    await expect(kiosk.dialog).toBeVisible();
    // The next reset loads a new document, whose timers need a running clock.
    await page.clock.resume();
    // "Finish" is in the warning as well.
    await kiosk.dialog.locator('[data-testid="finish"]').click();
    await kiosk.expectFreshHome('en');

    // Back (Alt+← on a physical keyboard) reaches the old address, not the old answers.
    // (The form's own entry was replaced by the reset; Back reaches the start page before it.)
    await page.goBack();
    await expect(page).toHaveURL(/\/complaint$/);
    await kiosk.booted();
    await page.getByRole('button', { name: t('en', 'journey.start_button') }).click();
    await expect(page.locator('#f-name')).toHaveValue('');
    await expect(page.locator('[data-testid="draft-banner"]')).toHaveCount(0);
  });

  test('two resets at once (Finish as the countdown ends), away from the start address, keep the options', async ({ page }) => {
    const kiosk = new Kiosk(page);
    await kiosk.open('&idle=45&lang=en');
    await page.getByRole('link', { name: t('en', 'services.helplines_title') }).first().click();
    await expect(page).toHaveURL(/\/helplines$/);
    // The header's Finish and the warning's Finish in the same moment: the first reset empties
    // sessionStorage, and a second one must not start over with the default options.
    await page.evaluate(() => document.querySelectorAll<HTMLElement>('[data-testid="finish"]').forEach((b) => b.click()));
    await kiosk.expectFreshHome('en');
    await expect(page).toHaveURL(/\?kiosk=1&idle=45&lang=en$/);
  });

  test('a late Clear-Site-Data answer cannot turn kiosk mode off for the next citizen', async ({ page }) => {
    const kiosk = new Kiosk(page);
    await kiosk.open('&lang=en');
    // In-app navigation: the address no longer says kiosk=1.
    await page.getByRole('link', { name: t('en', 'services.helplines_title') }).first().click();
    await expect(page).toHaveURL(/\/helplines$/);
    // The previous visit's logout answers only now, and empties this page's storage. Chromium
    // may finish clearing a moment after the answer arrives, so wait for it.
    await page.evaluate(() => fetch('/api/v1/session', { method: 'DELETE' }));
    await expect
      .poll(() => page.evaluate(() => sessionStorage.getItem('ns.kiosk')), {
        message: 'Clear-Site-Data "storage" empties sessionStorage in Chromium',
      })
      .toBeNull();
    // Leaving the page puts the kiosk's options back: the next page load (the forms bundle,
    // opened by address, so not through the app's own handover) is still a kiosk.
    await page.goto('/complaint');
    await kiosk.booted();
    await expect(kiosk.html).toHaveClass(/ns-kiosk/);
    await expect(kiosk.finish).toBeVisible();
  });

  test('a reset that cannot reach the server keeps ending the session until it can', async ({ page, context }) => {
    const kiosk = new Kiosk(page);
    await kiosk.open();
    const { mobile } = await fileComplaint(undefined, page.request);
    const session = (await context.cookies()).find((k) => k.name === 'ns_session')!;
    const stillOpen = async () => {
      const api = await request.newContext({
        baseURL: BASE_URL,
        extraHTTPHeaders: { cookie: `ns_session=${session.value}` },
      });
      const body = await (await api.get('/api/v1/session')).json();
      await api.dispose();
      return body.verified_mobile;
    };
    expect(await stillOpen()).toBe(mobile);
    // The station's network drops just as the citizen presses Finish.
    await page.route('**/api/v1/session*', (route) =>
      route.request().method() === 'DELETE' ? route.abort('internetdisconnected') : route.continue(),
    );
    await kiosk.finish.click();
    await kiosk.expectFreshHome('hi');
    expect(await stillOpen()).toBe(mobile);
    expect(await page.evaluate(() => sessionStorage.getItem('ns.kiosk.logout-pending'))).toBe('1');
    // Back on the network, the next attempt ends it; the kiosk stays a kiosk.
    await page.unroute('**/api/v1/session*');
    await expect.poll(stillOpen, { timeout: 15_000 }).toBeNull();
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem('ns.kiosk.logout-pending'))).toBeNull();
    expect(await page.evaluate(() => sessionStorage.getItem('ns.kiosk'))).toBe('1');
  });
});

test('a full kiosk journey leaves nothing behind: storage, caches, cookies, server session', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.clock.install();
  const kiosk = new Kiosk(page);
  await kiosk.open();
  const form = new ComplaintForm(page, 'hi');
  const c = sampleComplaint();
  // The answers, and the name of the file chosen (kept in a tab's session storage elsewhere).
  const traces = (s: string) => [c.name, c.mobile, c.relative, 'Kankarbagh', 'receipt.png'].filter((v) => s.includes(v));

  await form.reachCheck(c, true);
  // At no time, not even mid-journey, is an answer written to the browser.
  expect(traces((await browserStorage(page)).text)).toEqual([]);
  await form.toVerify();
  await form.verifyAndSend();
  await expect(page.locator('[data-testid="confirmation"]')).toBeVisible();
  await expect(page.locator('[data-testid="kiosk-clears"]')).toHaveText(t('hi', 'kiosk.after_confirmation'));
  const reference = (await page.locator('[data-testid="reference"]').textContent())!;
  expect(traces((await browserStorage(page)).text)).toEqual([]);
  const session = (await context.cookies()).find((k) => k.name === 'ns_session');
  expect(session, 'the filing made a session').toBeTruthy();

  // On the acknowledgement the screen clears a minute after the last input.
  await page.clock.runFor(25_000);
  await expect(kiosk.dialog).not.toBeVisible();
  await page.clock.runFor(10_000);
  await expect(kiosk.dialog).toBeVisible();
  await page.clock.runFor(30_000);
  await kiosk.expectFreshHome('hi');

  const after = await browserStorage(page);
  expect(traces(after.text)).toEqual([]);
  expect(after.caches.filter((name) => !name.startsWith('ns-precache-'))).toEqual([]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect((await context.cookies()).filter((k) => k.name === 'ns_session')).toEqual([]);
  // The old session token no longer opens anything on the server.
  const api = await request.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { cookie: `ns_session=${session!.value}` },
  });
  expect(await (await api.get('/api/v1/session')).json()).toEqual({ verified_mobile: null });
  await api.dispose();
  // Back reaches an earlier step of the form (the acknowledgement's own entry was replaced by
  // the reset), and it is empty.
  await page.goBack();
  await expect(page).toHaveURL(/\/complaint\//);
  await kiosk.booted();
  for (const value of [c.name, c.mobile, reference]) await expect(page.locator('main')).not.toContainText(value);
});

test('the storage probe above finds answers where they are kept: a draft outside kiosk mode', async ({ page }) => {
  const form = new ComplaintForm(page, 'hi');
  const c = sampleComplaint();
  await form.start();
  await form.fillAboutYou(c);
  await form.next('step_what_happened');
  await expect.poll(async () => (await browserStorage(page)).text).toContain(c.mobile);
  expect((await browserStorage(page)).text).toContain(c.name);
});

axeTest('printing the acknowledgement gives the citizen another minute before the reset', async ({ page }) => {
  await page.clock.install();
  const kiosk = new Kiosk(page);
  await kiosk.open();
  const { reference } = await fileComplaint(undefined, page.request);
  await page.goto(`/complaint/confirmation/${reference}`);
  await expect(page.locator('[data-testid="reference"]')).toHaveText(reference);
  await expect(page.locator('[data-testid="kiosk-clears"]')).toBeVisible();
  await expectNoAxeViolations(page, 'kiosk acknowledgement (hi)');
  // From here the seconds are counted exactly: the clock stops ticking by itself, and a key
  // press starts the idle time at a known moment (a slow machine's load and axe scan took real
  // seconds of the 30 before the warning).
  await kiosk.pauseClock();
  await page.keyboard.press('Shift');
  await page.clock.runFor(28_000);
  await expect(kiosk.dialog).not.toBeVisible();
  // Chromium's print preview pauses the page; `afterprint` follows once the slip is printed.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  // 53 s on the page, but only 25 s since printing: no warning yet.
  await page.clock.runFor(25_000);
  await expect(kiosk.dialog).not.toBeVisible();
  await expect(page.locator('[data-testid="reference"]')).toHaveText(reference);
  await page.clock.runFor(10_000);
  await expect(kiosk.dialog).toBeVisible();
  // The reset opens the home page as a new document, whose app needs its own timers.
  await page.clock.resume();
  await page.clock.runFor(30_000);
  await kiosk.expectFreshHome('hi');
});

test.describe('on-screen keyboard', () => {
  test('InScript: क ि त ा ब types किताब, Backspace removes one character, the caret stays', async ({ page }) => {
    const kiosk = new Kiosk(page);
    await kiosk.open();
    await new ComplaintForm(page, 'hi').start();
    const name = page.locator('#f-name');
    await expect(kiosk.keyboard).toHaveCount(0);
    await name.click();
    await expect(kiosk.keyboard).toBeVisible();
    await expect(kiosk.keyboard).toHaveAttribute('data-layout', 'hindi');
    await kiosk.type('क', 'ि', 'त', 'ा', 'ब');
    await expect(name).toHaveValue('किताब');
    await expect(name).toBeFocused();
    await page.getByTestId('key-backspace').click();
    await expect(name).toHaveValue('किता');
    await page.getByTestId('key-backspace').click();
    await expect(name).toHaveValue('कित');
    // The caret stays where the citizen put it: at the start, a new letter goes first.
    await page.keyboard.press('Home');
    await kiosk.type('स');
    await expect(name).toHaveValue('सकित');
    // The physical keyboard still works alongside.
    await page.keyboard.press('End');
    await page.keyboard.type('ab');
    await expect(name).toHaveValue('सकितab');
    // Shift gives the second layer, once.
    await kiosk.key(t('hi', 'kiosk.shift')).click();
    await kiosk.type('आ');
    await kiosk.type('ब');
    await expect(name).toHaveValue('सकितabआब');
    // The form reads what the keyboard typed: validation finds the other fields empty but
    // accepts the name.
    await page.locator('#f-name').fill('');
    await kiosk.type('र', 'ा', 'म');
    await page.locator('[data-testid="continue"]').click();
    await expect(page.locator('[data-testid="error-summary"]')).toBeVisible();
    await expect(page.locator('#f-relative_name-error')).toBeVisible();
    await expect(page.locator('#f-name-error')).toHaveCount(0);
    await expect(name).toHaveValue('राम');
    // Nothing typed at a kiosk is kept by the browser's autofill.
    await expect(name).toHaveAttribute('autocomplete', 'off');
  });

  test('keys pressed with Enter keep their focus; the keyboard closes when the citizen moves on', async ({ page }) => {
    const kiosk = new Kiosk(page);
    await kiosk.open();
    const form = new ComplaintForm(page, 'hi');
    await form.start();
    const name = page.locator('#f-name');
    await name.click();
    const ka = kiosk.key('क');
    await ka.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(name).toHaveValue('कक');
    await expect(ka).toBeFocused();
    // Shift relabels the same keys: क's key now types ख, then Shift lets go.
    await kiosk.key(t('hi', 'kiosk.shift')).focus();
    await page.keyboard.press('Enter');
    await kiosk.key('ख').focus();
    await page.keyboard.press('Enter');
    await expect(name).toHaveValue('ककख');
    await expect(ka).toBeFocused();

    // A radio button is not a text field: the keyboard goes.
    await page.getByLabel(form.label('gender_female')).check();
    await expect(kiosk.keyboard).toHaveCount(0);
    // Back in a field it returns; on the next step it is gone and types nowhere.
    await form.fillAboutYou(sampleComplaint());
    await expect(kiosk.keyboard).toBeVisible();
    await form.next('step_what_happened');
    await expect(kiosk.keyboard).toHaveCount(0);
  });

  test('a mobile number field opens the digits; switching layouts works', async ({ page }) => {
    const kiosk = new Kiosk(page);
    await kiosk.open('&lang=en');
    await new ComplaintForm(page, 'en').start();
    await page.locator('#f-mobile').click();
    await expect(kiosk.keyboard).toHaveAttribute('data-layout', 'digits');
    await kiosk.type(...'9876543210'.split(''));
    await expect(page.locator('#f-mobile')).toHaveValue('9876543210');
    await page.locator('#f-relative_name').click();
    await expect(kiosk.keyboard).toHaveAttribute('data-layout', 'english');
    await kiosk.type('r', 'a', 'm');
    await kiosk.key(t('en', 'kiosk.layout_hindi')).click();
    await kiosk.type('क');
    await expect(page.locator('#f-relative_name')).toHaveValue('ramक');
    await kiosk.keyboard.getByRole('button', { name: t('en', 'kiosk.hide') }).click();
    await expect(kiosk.keyboard).toHaveCount(0);
    await page.locator('#f-relative_name').click();
    await expect(kiosk.keyboard).toBeVisible();
  });

  test('every text field has it: the description box, and the status lookup', async ({ page }) => {
    const kiosk = new Kiosk(page);
    await kiosk.open();
    const form = new ComplaintForm(page, 'hi');
    await form.start();
    await form.fillAboutYou(sampleComplaint());
    await form.next('step_what_happened');
    const description = page.locator('#f-description');
    await description.click();
    await expect(kiosk.keyboard).toHaveAttribute('data-layout', 'hindi');
    await kiosk.type('च', 'ो', 'र', 'ी');
    await kiosk.key(t('hi', 'kiosk.space')).click();
    await kiosk.type('ह', 'ु');
    await kiosk.key(t('hi', 'kiosk.shift')).click();
    await kiosk.type('ई');
    await expect(description).toHaveValue('चोरी हुई');

    await page.goto('/status');
    await kiosk.booted();
    await page.locator('#f-reference').click();
    await expect(kiosk.keyboard).toHaveAttribute('data-layout', 'english');
    await kiosk.key(t('hi', 'kiosk.shift')).click();
    await kiosk.type('B');
    await kiosk.key(t('hi', 'kiosk.shift')).click();
    await kiosk.type('R');
    await expect(page.locator('#f-reference')).toHaveValue('BR');
    await page.locator('#f-mobile').click();
    await expect(kiosk.keyboard).toHaveAttribute('data-layout', 'digits');
  });

  test('a kiosk started on the status page, then the FIR copy: each at its own address, with the keyboard', async ({ page }) => {
    // Only the forms bundle has the kiosk's keyboard and idle reset: every other bundle hands
    // a kiosk's page to it, and it puts the page's address back, as it was opened.
    const kiosk = new Kiosk(page);
    await kiosk.open('&lang=en', '/status');
    await expect(kiosk.h1).toHaveText(t('en', 'services.status_title'));
    await expect(page).toHaveURL(/\/status\?kiosk=1&lang=en$/);
    await page.locator('#f-reference').click();
    await expect(kiosk.keyboard).toHaveAttribute('data-layout', 'english');

    await page.goto('/fir-copy');
    await kiosk.booted();
    await expect(kiosk.h1).toHaveText(t('en', 'services.fir_copy_title'));
    await expect(page).toHaveURL(/\/fir-copy$/);
    await expect(kiosk.html).toHaveClass(/ns-kiosk/);
    await page.locator('#f-number').click();
    await expect(kiosk.keyboard).toBeVisible();

    // Back returns to the status page, not to the forms bundle's own address.
    await page.goBack();
    await kiosk.booted();
    await expect(page).toHaveURL(/\/status\?kiosk=1&lang=en$/);
    await expect(kiosk.h1).toHaveText(t('en', 'services.status_title'));
    await page.locator('#f-reference').click();
    await expect(kiosk.keyboard).toBeVisible();
  });

  for (const lang of LANGS) {
    axeTest(`no axe violations with the keyboard and the warning open (${lang})`, async ({ page }) => {
      await page.clock.install();
      const kiosk = new Kiosk(page);
      await kiosk.open(`&lang=${lang}`);
      await expectNoAxeViolations(page, `kiosk home (${lang})`);
      await new ComplaintForm(page, lang).start();
      await page.locator('#f-name').click();
      await expect(kiosk.keyboard).toBeVisible();
      await expectNoAxeViolations(page, `kiosk keyboard, Hindi layout (${lang})`);
      await page.locator('#f-mobile').click();
      await expect(kiosk.keyboard).toHaveAttribute('data-layout', 'digits');
      await expectNoAxeViolations(page, `kiosk keyboard, digits (${lang})`);
      await page.clock.runFor(125_000);
      await expect(kiosk.dialog).toBeVisible();
      await expectNoAxeViolations(page, `idle warning (${lang})`);
    });
  }
});

test.describe('kiosk layout', () => {
  test('larger text, 56 px targets, nothing selected by a long press', async ({ page }) => {
    const kiosk = new Kiosk(page);
    // Every control and every link that is not part of a sentence, on home and on a form.
    const smallTargets = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('button, .ns-button, input, select, textarea, a'))
          .filter((el) => (el as HTMLElement).offsetParent !== null && !el.closest('.ns-keyboard'))
          .filter((el) => !(el.tagName === 'A' && getComputedStyle(el).display === 'inline'))
          .filter((el) => !el.classList.contains('ns-skip-link'))
          .map((el) => ({ el: el.outerHTML.slice(0, 80), box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.height < 56 || box.width < 56)
          .map(({ el, box }) => `${Math.round(box.width)}×${Math.round(box.height)} ${el}`),
      );
    await kiosk.open();
    expect(await kiosk.rootFontSizePx()).toBeGreaterThanOrEqual(20);
    expect(await smallTargets()).toEqual([]);
    expect(await page.evaluate(() => getComputedStyle(document.body).userSelect)).toBe('none');
    await new ComplaintForm(page, 'hi').start();
    expect(await smallTargets()).toEqual([]);
    expect(await page.locator('#f-name').evaluate((el) => getComputedStyle(el).userSelect)).not.toBe('none');
  });
});

test.describe('printing the slip', () => {
  // The printable width: the paper less the 5 mm @page margins (80 mm → 70 mm, A4 → 200 mm).
  for (const [paper, width] of [['80 mm receipt', 265], ['A4', 756]] as const) {
    test(`the acknowledgement fits ${paper} paper with its reference and QR code`, async ({ page }, info) => {
      const { reference, mobile } = await fileComplaint(undefined, page.request);
      await page.goto(`/complaint/confirmation/${reference}?kiosk=1`);
      await expect(page.locator('[data-testid="reference"]')).toHaveText(reference);
      // Under the police's and the portal's name: who filed it and what about, and nothing
      // else personal (issue 16).
      const lang = (await page.locator('html').getAttribute('lang')) as 'hi' | 'en';
      const onSlip = page.locator('.ns-slip');
      await expect(onSlip.locator('[data-testid="slip-issuer"]')).toHaveText(t(lang, 'journey.slip_issuer'));
      await expect(onSlip.locator('[data-testid="slip-name"]')).toHaveText('Sita Devi');
      await expect(onSlip.locator('[data-testid="slip-category"]')).toHaveText(t(lang, 'complaint.category_theft'));
      const printed = (await onSlip.textContent()) ?? '';
      for (const personal of [mobile, 'Ram Kumar', 'Kankarbagh', '234567890124', 'Near Gandhi Maidan']) {
        expect(printed).not.toContain(personal);
      }
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width, height: 1400 });
      await expect(page.locator('header')).toBeHidden();
      await expect(page.locator('[data-testid="print"]')).toBeHidden();
      const slip = page.locator('.ns-slip');
      await expect(slip.locator('.ns-slip__reference')).toHaveText(reference);
      const qr = slip.locator('[data-testid="qr"]');
      await expect(qr).toBeVisible();
      const shot = await page.screenshot({ fullPage: true });
      await info.attach(`slip-${width}px.png`, { body: shot, contentType: 'image/png' });

      const layout = await page.evaluate(() => {
        const cut = Array.from(document.querySelectorAll('main *'))
          .filter((el) => (el as HTMLElement).offsetParent !== null || el instanceof SVGElement)
          .filter((el) => {
            const b = el.getBoundingClientRect();
            return b.width > 0 && (b.left < 0 || b.right > window.innerWidth + 0.5);
          })
          .map((el) => el.outerHTML.slice(0, 60));
        return { scrollWidth: document.documentElement.scrollWidth, cut };
      });
      expect(layout.scrollWidth).toBeLessThanOrEqual(width);
      expect(layout.cut).toEqual([]);
      const box = (await qr.boundingBox())!;
      // Big enough to scan from paper (≥ 35 mm ≈ 132 px), and wholly on it.
      // (96 px = 1 inch = 25.4 mm in print layout.)
      expect(box.width).toBeGreaterThanOrEqual(132);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      const ref = (await slip.locator('.ns-slip__reference').boundingBox())!;
      expect(ref.x + ref.width).toBeLessThanOrEqual(width);
    });
  }
});
