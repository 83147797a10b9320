// The police-station directory (/police-stations, linked from /helplines): a district's
// stations with tel: links, the search in either script, offline after one visit, and axe.
//
// The offline test starts a nagrik-server of its own (NAGRIK_SERVER_BIN) on a copy of dist,
// so it can stop it without touching the shared server.
import { test, expect, axeTest, expectNoAxeViolations } from '../fixtures';
import { LANGS, t, type Lang } from '../locales';
import { AppShell } from '../pages/AppShell';
import type { Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const REPO_ROOT = process.env.REPO_ROOT ?? path.resolve(process.cwd(), '../..');
const SERVER_BIN = process.env.NAGRIK_SERVER_BIN ?? path.join(REPO_ROOT, 'target/debug/nagrik-server');

/** The directory's controls and list. */
class StationsPage extends AppShell {
  readonly district = this.page.locator('#f-district');
  readonly search = this.page.locator('#f-search');
  readonly stations = this.page.locator('[data-testid="station"]');
  readonly count = this.page.locator('[data-testid="station-count"]');

  async open(base = '') {
    await this.goto(`${base}/police-stations`);
    await expect(this.district.locator('option[value="PAT"]')).toHaveCount(1);
  }

  async choose(district: string) {
    await this.district.selectOption(district);
    await expect(this.stations.first()).toBeVisible();
  }
}

async function openAs(page: Page, lang: Lang) {
  const stations = new StationsPage(page);
  await stations.preferLanguage(lang);
  await stations.open();
  await expect(stations.h1).toHaveText(t(lang, 'police_stations.title'));
  return stations;
}

for (const lang of LANGS) {
  test(`the helplines lead to each district's stations, with tel: links (${lang})`, async ({ page }) => {
    const shell = new AppShell(page);
    await shell.preferLanguage(lang);
    await shell.goto('/helplines');
    // The helplines page has every number, each with what it is for.
    for (const number of ['112', '1930', '1091', '181', '1098', '1076']) {
      await expect(shell.main.locator(`a[href="tel:${number}"]`)).toHaveCount(1);
    }
    await expect(shell.main).toContainText(t(lang, 'common.helpline_1930_detail'));
    await expect(shell.main).toContainText(t(lang, 'common.helpline_181_detail'));
    await page.locator('[data-testid="stations-link"]').click();
    await expect(page).toHaveURL(/\/police-stations$/);
    const stations = new StationsPage(page);
    await expect(stations.h1).toHaveText(t(lang, 'police_stations.title'));
    await expect(page.locator('[data-testid="choose-district"]')).toHaveText(t(lang, 'police_stations.choose_district'));

    await stations.choose('PAT');
    await expect(stations.stations).toHaveCount(4);
    await expect(stations.count).toHaveText(t(lang, 'police_stations.count').replace('{count}', '4'));
    const kotwali = stations.stations.filter({ hasText: lang === 'hi' ? 'कोतवाली' : 'Kotwali' });
    await expect(kotwali.locator('h3')).toHaveText(
      t(lang, 'police_stations.station_name').replace('{station}', lang === 'hi' ? 'कोतवाली' : 'Kotwali'),
    );
    const call = kotwali.locator('a[href^="tel:"]');
    const href = await call.getAttribute('href');
    expect(href).toMatch(/^tel:06120\d{6}$/);
    await expect(call).toContainText(/0612-0\d{6}/);
    await expect(kotwali.locator('a[href="mailto:kotwali.patna@police.example"]')).toHaveCount(1);
    await expect(kotwali.locator('.ns-tag')).toHaveText(t(lang, 'police_stations.sample'));
    for (const item of await stations.stations.all()) {
      await expect(item.locator('a[href^="tel:"]')).toHaveCount(1);
    }

    // Another district: its own stations, phones and no e-mail.
    await stations.choose('GAY');
    await expect(stations.stations).toHaveCount(2);
    await expect(stations.stations.locator('a[href^="tel:"]')).toHaveCount(2);
    await expect(stations.stations.locator('a[href^="mailto:"]')).toHaveCount(0);
  });
}

test('the search finds a station by its name in either script', async ({ page }) => {
  const stations = await openAs(page, 'en');
  await stations.choose('PAT');
  for (const query of ['kotwali', 'KOTWALI', 'कोतवाली', 'कोतवा']) {
    await stations.search.fill(query);
    await expect(stations.stations, query).toHaveCount(1);
    await expect(stations.stations.locator('h3')).toHaveText('Kotwali');
  }
  await stations.search.fill('gandhi');
  await expect(stations.stations.locator('h3')).toHaveText('Gandhi Maidan');
  await stations.search.fill('xyz');
  await expect(stations.stations).toHaveCount(0);
  await expect(stations.count).toHaveText(t('en', 'police_stations.no_match').replace('{query}', 'xyz'));
  await stations.search.fill('');
  await expect(stations.stations).toHaveCount(4);
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  server.close();
  await once(server, 'close');
  return port;
}

test.describe('offline (own server)', () => {
  test.describe.configure({ timeout: 240_000 });

  let tmp = '';
  let proc: ChildProcess | undefined;

  test.afterEach(async () => {
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      const exited = once(proc, 'exit');
      proc.kill('SIGTERM');
      await exited;
    }
    proc = undefined;
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    tmp = '';
  });

  test('a district opened once, and the helplines, work offline afterwards', async ({ page, context }) => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ns-stations-offline-'));
    const dist = path.join(tmp, 'dist');
    cpSync(path.join(REPO_ROOT, 'dist'), dist, { recursive: true });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let log = '';
    proc = spawn(SERVER_BIN, ['serve', '--addr', `127.0.0.1:${port}`, '--db', path.join(tmp, 'db.sqlite3'), '--dist', dist], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout?.on('data', (d) => (log += d));
    proc.stderr?.on('data', (d) => (log += d));
    // It compresses every file at start (brotli 11), which takes a while on a busy machine.
    await expect
      .poll(async () => (await fetch(`${url}/api/v1/health`).catch(() => undefined))?.status, {
        timeout: 120_000,
        message: `nagrik-server did not start:\n${log}`,
      })
      .toBe(200);

    const stations = new StationsPage(page);
    await stations.preferLanguage('hi');
    await stations.goto(`${url}/helplines`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 }).catch(async () => {
      await page.reload();
      await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    });
    // One visit, under the worker: the directory and Patna's list.
    await stations.open(url);
    await stations.choose('PAT');
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const urls: string[] = [];
          for (const name of await caches.keys()) {
            for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
          }
          return urls;
        }),
      )
      .toEqual(expect.arrayContaining(['/api/v1/districts', '/api/v1/districts/PAT/police-stations']));

    await context.setOffline(true);
    const exited = once(proc, 'exit');
    proc.kill('SIGTERM');
    await exited; // truly gone, whatever the offline emulation covers

    await stations.open(url);
    await stations.choose('PAT');
    await expect(stations.stations).toHaveCount(4);
    await expect(stations.stations.locator('a[href^="tel:"]')).toHaveCount(4);
    await stations.search.fill('kotwali');
    await expect(stations.stations).toHaveCount(1);

    await stations.goto(`${url}/helplines`);
    await expect(stations.h1).toHaveText(t('hi', 'services.helplines_title'));
    for (const number of ['112', '1930', '1091', '181', '1098', '1076']) {
      await expect(stations.main.locator(`a[href="tel:${number}"]`)).toHaveCount(1);
    }
  });
});

for (const lang of LANGS) {
  axeTest(`every state of /police-stations has no WCAG 2.1 AA violations (${lang})`, async ({ page }) => {
    const stations = await openAs(page, lang);
    await expectNoAxeViolations(page, `/police-stations (${lang})`);
    await stations.choose('PAT');
    await expectNoAxeViolations(page, `/police-stations Patna (${lang})`);
    await stations.search.fill('xyz');
    await expect(stations.stations).toHaveCount(0);
    await expectNoAxeViolations(page, `/police-stations no match (${lang})`);
    await stations.goto('/helplines');
    await expectNoAxeViolations(page, `/helplines (${lang})`);
  });
}
