// The fault matrix (issue 14 §2, with issue 16's items 1 and 2): every journey's sending step
// under faults, in real Chromium against the real server. Each fault is shown in the citizen's
// language, every answer stays on the page and in the draft, and after the retries the
// database holds exactly one filing. Every journey (JOURNEY_SLUGS) runs every fault: the
// complaint in both languages, every other journey in one language, alternating. The server restart while a status page polls uses a server this file starts.
import { test, expect } from '../fixtures';
import { LANGS, t, type Lang } from '../locales';
import { ANONYMOUS_SLUGS, JOURNEY_SLUGS } from '../services';
import { FAULTS, FaultJourney, record } from '../faults';
import { fileComplaint, randomMobile } from '../filing';
import { OwnServer } from '../server';
import { AppShell } from '../pages/AppShell';

// Every test here is its own citizen (mobile, page, form): they run on both workers.
test.describe.configure({ mode: 'parallel' });

// The complaint in both languages; every other journey in one language, alternating.
const RUNS: { slug: string; lang: Lang }[] = [
  ...LANGS.map((lang) => ({ slug: 'complaint', lang })),
  ...JOURNEY_SLUGS.filter((slug) => slug !== 'complaint').map((slug, i) => ({
    slug,
    lang: (i % 2 === 0 ? 'hi' : 'en') as Lang,
  })),
];

for (const { slug, lang } of RUNS) {
  test.describe(`${slug} (${lang})`, () => {
    test('the server answers badly: 500, 503, 429, not JSON, the wrong JSON; a reload; then filed once', async ({ page, context }) => {
      test.setTimeout(120_000);
      const j = new FaultJourney(page, context, lang, slug);
      await j.reachVerify();
      await j.sendUnder(FAULTS.api500);
      // Android kills the tab: the answers, the files and the mobile come back with the draft.
      // (A tip keeps nothing on the device, so a reload starts it afresh: tip-off.spec.ts.)
      if (!ANONYMOUS_SLUGS.includes(slug)) await j.reloadOnVerify();
      await j.sendUnder(FAULTS.busy503);
      await j.sendUnder(FAULTS.rate429);
      await j.sendUnder(FAULTS.notJson);
      await j.sendUnder(FAULTS.wrongShape);
      await j.sendAndFile();
    });

    test('the network fails: no answer (the app gives up at 20 s), offline, the answer lost; then filed once', async ({ page, context }) => {
      test.setTimeout(120_000);
      // The app's own 20 s, on a clock the test moves on.
      await page.clock.install();
      const j = new FaultJourney(page, context, lang, slug);
      await j.reachVerify();
      await j.sendUnder(FAULTS.hang);
      await j.sendUnder(FAULTS.offline);
      await j.sendUnder(FAULTS.lost);
      await j.sendAndFile();
    });

    test('the answer lost, then an answer changed and sent: the filed reference, no second filing (16.1)', async ({ page, context }) => {
      test.setTimeout(90_000);
      const j = new FaultJourney(page, context, lang, slug);
      await j.reachVerify();
      await j.sendUnder(FAULTS.lost);
      await j.changeAndSend();
    });
  });
}

test('the server restarted while a status page polls: the page says so in Hindi and English, then resumes by itself', async ({ browser }, info) => {
  test.setTimeout(150_000);
  const server = await OwnServer.start();
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const page = await context.newPage();
    const answered: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/v1/status/')) answered.push(r.status());
    });
    const { reference } = await fileComplaint(randomMobile(), page.request);
    const shell = new AppShell(page);
    await shell.preferLanguage('hi');
    await shell.goto(`/status/${reference}`);
    const events = page.locator('[data-testid="timeline-event"]');
    const retrying = page.locator('[data-testid="retrying"]');
    await expect(events).toHaveCount(1);
    await expect(retrying).toHaveCount(0);

    await server.kill();
    // The page says it will try again, in the citizen's language, and keeps what it showed.
    await expect(retrying).toHaveText(t('hi', 'status.retrying'), { timeout: 15_000 });
    await shell.switchLanguage();
    await expect(retrying).toHaveText(t('en', 'status.retrying'));
    await expect(events).toHaveCount(1);
    // The police record a step while the server is down (on the same database).
    server.advance(reference, 'received');

    await server.up();
    const before = answered.length;
    // Nobody presses Refresh: the next scheduled poll finds the server, the step appears
    // and the notice goes.
    await expect(events).toHaveCount(2, { timeout: 60_000 });
    await expect(events.nth(1)).toHaveAttribute('data-status', 'received');
    await expect(retrying).toHaveCount(0);
    expect(answered.slice(before)).toContain(200);
    await expect(page.locator('[data-testid="error-summary"]')).toHaveCount(0);
    expect(server.filings()).toEqual([reference]);
    info.annotations.push({ type: 'restart', description: `server answered ${server.startedInMs} ms after the restart` });
    record({
      journey: 'status page (a filed complaint)',
      lang: 'hi, en',
      fault: 'the server killed and restarted while the page polls',
      message: `${t('hi', 'status.retrying')} / ${t('en', 'status.retrying')}, gone once it is back`,
      kept: 'timeline kept',
      filings: 1,
      reference,
    });
  } finally {
    await context.close();
    await server.stop();
  }
});
