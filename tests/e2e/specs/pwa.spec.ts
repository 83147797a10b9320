// The installable, offline-first app: manifest and icons, the generated service worker
// (dist/sw.js, written by `cargo xtask` after every build), offline use of every bundle, and
// the update flow (a new build waits until the page asks it to take over).
//
// The offline and update tests start their own nagrik-server (NAGRIK_SERVER_BIN) on a free
// port, so they can stop it and serve a modified dist without touching the shared server.
import { test, expect } from '../fixtures';
import { chromium, request, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { BASE_URL, CHROMIUM_ARGS, CHROMIUM_ENV, CHROMIUM_PATH } from '../browser';
import { fileComplaint } from '../filing';
import { t } from '../locales';
import { AppShell } from '../pages/AppShell';

const REPO_ROOT = process.env.REPO_ROOT ?? path.resolve(process.cwd(), '../..');
const DIST = path.join(REPO_ROOT, 'dist');
const SERVER_BIN = process.env.NAGRIK_SERVER_BIN ?? path.join(REPO_ROOT, 'target/debug/nagrik-server');

/**
 * Folders the worker does not precache (xtask/src/pwa.rs `NOT_PRECACHED`): Trunk's work folders,
 * and the Devanagari fallback font, which only a device without a Devanagari font fetches.
 */
const NOT_PRECACHED = ['.stage', 'fonts'];

/** Every file the build wrote, as the URL path it is served at, without the worker itself. */
function distUrls(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const rel = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        if (!NOT_PRECACHED.includes(entry.name)) walk(path.join(d, entry.name), `${rel}/`);
      } else if (rel !== 'sw.js') {
        out.push(`/${rel}`);
      }
    }
  };
  walk(dir, '');
  return out.sort();
}

/** `VERSION` and `PRECACHE` as written into a generated sw.js. */
function parseWorker(source: string): { version: string; precache: string[] } {
  const version = /const VERSION = "([^"]+)";/.exec(source)?.[1];
  const list = /const PRECACHE = (\[[\s\S]*?\]);/.exec(source)?.[1];
  if (!version || !list) throw new Error('sw.js has no VERSION / PRECACHE');
  return { version, precache: JSON.parse(list) };
}

function isMasters(pathname: string): boolean {
  return pathname === '/api/v1/districts' || /^\/api\/v1\/districts\/[^/]+\/police-stations$/.test(pathname);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  server.close();
  await once(server, 'close');
  return port;
}

/** A nagrik-server of this test's own, on a fixed port so it can be restarted at the same origin. */
class PrivateServer {
  private proc?: ChildProcess;
  private log = '';

  constructor(readonly dist: string, readonly db: string, readonly port: number) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start() {
    this.log = '';
    const proc = spawn(
      SERVER_BIN,
      // The shared server's demo code, so a test can file a complaint (../filing.ts).
      ['serve', '--addr', `127.0.0.1:${this.port}`, '--db', this.db, '--dist', this.dist, '--demo-otp', '123456'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    proc.stdout?.on('data', (d) => (this.log += d));
    proc.stderr?.on('data', (d) => (this.log += d));
    this.proc = proc;
    // It compresses every file at start (brotli 11), which takes a while on a busy machine.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null) throw new Error(`nagrik-server exited:\n${this.log}`);
      try {
        const response = await fetch(`${this.url}/api/v1/health`);
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`nagrik-server did not become healthy:\n${this.log}`);
  }

  async stop() {
    const proc = this.proc;
    this.proc = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = once(proc, 'exit');
    proc.kill('SIGTERM');
    await exited;
  }
}

/**
 * A private copy of the build, so a rebuild of REPO_ROOT/dist while tests run cannot change it
 * under the test; fails clearly when the build did not come from `cargo xtask` (no sw.js).
 */
function copyDist(tmp: string): string {
  const dist = path.join(tmp, 'dist');
  cpSync(DIST, dist, { recursive: true });
  const sw = path.join(dist, 'sw.js');
  expect(existsSync(sw), `${DIST} has no sw.js: build it with cargo xtask, not trunk alone`).toBe(true);
  expect([...parseWorker(readFileSync(sw, 'utf8')).precache].sort(), 'sw.js matches its dist').toEqual(
    distUrls(dist),
  );
  return dist;
}

/** Waits until a service worker controls the page and its install (the precache) is complete. */
async function waitForOfflineReady(page: Page): Promise<string> {
  // `ready` resolves once a worker is active, i.e. after its install (cache.addAll) succeeded.
  const ready = await page.evaluate(async () => {
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 60_000));
    const result = await Promise.race([navigator.serviceWorker.ready.then(() => 'ready'), timeout]);
    if (result === 'ready') return result;
    const registration = await navigator.serviceWorker.getRegistration();
    const state = (w?: ServiceWorker | null) => w?.state ?? 'none';
    return `no active worker after 60 s (registered: ${!!registration}, installing: ${state(registration?.installing)}, waiting: ${state(registration?.waiting)})`;
  });
  expect(ready, 'the service worker installed and activated').toBe('ready');
  // The worker claims open pages when it activates; a reload is the fallback.
  const controlled = await page
    .waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 5_000 })
    .then(() => true, () => false);
  if (!controlled) {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  }
  const source = await page.evaluate(async () => (await fetch('/sw.js', { cache: 'no-store' })).text());
  const { version, precache } = parseWorker(source);
  const cached = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  }, `ns-precache-${version}`);
  expect(cached.sort(), 'the precache holds every file of the build').toEqual([...precache].sort());
  return version;
}

/** Every URL in every cache the origin has. */
async function cachedUrls(page: Page): Promise<{ cache: string; url: string }[]> {
  return page.evaluate(async () => {
    const out: { cache: string; url: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) out.push({ cache: name, url: request.url });
    }
    return out;
  });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test.describe('installable app', () => {
  test('manifest and icons are served with the right types', async ({ request, page }) => {
    const response = await request.get('/manifest.webmanifest');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/manifest+json');
    expect(response.headers()['cache-control']).toBe('no-cache');
    const manifest = await response.json();
    expect(manifest).toMatchObject({
      id: '/',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      lang: 'hi',
      theme_color: '#0b3d91',
      background_color: '#ffffff',
      short_name: 'नागरिक सेवा',
    });
    expect(manifest.name).toContain('Nagrik Seva');
    expect(manifest.shortcuts.map((s: { url: string }) => s.url)).toEqual(['/complaint', '/status']);
    const purposes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
    expect(purposes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));

    const icons = [
      ...manifest.icons,
      ...manifest.shortcuts.flatMap((s: { icons: unknown[] }) => s.icons),
      { src: '/icon-192.png', sizes: '192x192' }, // apple-touch-icon
    ] as { src: string; sizes: string }[];
    for (const icon of icons) {
      const png = await request.get(icon.src);
      expect(png.status(), icon.src).toBe(200);
      expect(png.headers()['content-type'], icon.src).toBe('image/png');
      expect(pngSize(await png.body()), icon.src).toBe(icon.sizes);
    }

    // The entry page links both.
    await page.goto('/');
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
    await expect(page.locator('script[src="/pwa.js"][defer]')).toHaveCount(1);
  });

  test('Chromium finds no installability errors', async () => {
    // A persistent profile: Playwright's ordinary contexts are incognito, which is never
    // installable, so the check would report that instead of a real problem.
    const profile = mkdtempSync(path.join(os.tmpdir(), 'ns-pwa-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      env: CHROMIUM_ENV,
      baseURL: BASE_URL,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const shell = new AppShell(page);
      await shell.goto('/');
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
      const manifest = await cdp.send('Page.getAppManifest');
      expect(manifest.errors).toEqual([]);
      expect(await page.evaluate(() => typeof window.nsPwa === 'object')).toBe(true);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('sw.js precaches exactly the files of the build, and is never cached by HTTP', async ({ request }) => {
    const response = await request.get('/sw.js');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/javascript/);
    expect(response.headers()['cache-control']).toBe('no-cache');
    const { version, precache } = parseWorker(await response.text());
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(precache).size, 'no duplicates').toBe(precache.length);
    expect(precache).not.toContain('/sw.js');
    expect([...precache].sort()).toEqual(distUrls(DIST));
    for (const entry of ['/index.html', '/complaint/index.html', '/status/index.html', '/fir-copy/index.html', '/police-stations/index.html', '/manifest.webmanifest']) {
      expect(precache).toContain(entry);
    }
  });
  for (const entry of ['/status/BR-CMP-2026-000001', '/complaint']) {
    test(`on ${entry}, the page's own bundle comes first: the worker's precache waits until its app has started`, async ({ page }) => {
      await page.addInitScript(() => {
        const w = window as unknown as { nsOrder: string[] };
        w.nsOrder = [];
        addEventListener('TrunkApplicationStarted', () => w.nsOrder.push('started'));
        if ('serviceWorker' in navigator) {
          const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
          navigator.serviceWorker.register = (url, options) => {
            w.nsOrder.push('register');
            return register(url, options);
          };
        }
      });
      await page.goto(entry);
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { nsOrder: string[] }).nsOrder), { timeout: 15_000 })
        .toEqual(['started', 'register']);
      // Nothing preloads the bundle ahead of the page's first paint (xtask's paint_first).
      const html = await (await page.request.get(entry)).text();
      expect(html).not.toMatch(/rel="?preload"?[^>]*application\/wasm|application\/wasm[^>]*rel="?preload/);
    });
  }
});

test.describe('offline and updates (own server)', () => {
  test.describe.configure({ timeout: 240_000 });

  let tmp: string;
  let server: PrivateServer;

  test.afterEach(async () => {
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    tmp = '';
  });

  test('every bundle works offline, and no personal API response is cached', async ({ page, context }) => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ns-pwa-offline-'));
    server = new PrivateServer(copyDist(tmp), path.join(tmp, 'db.sqlite3'), await freePort());
    await server.start();
    const shell = new AppShell(page);

    await shell.goto(`${server.url}/`);
    await waitForOfflineReady(page);
    // Online, through the worker: master data (may be cached) and the session (must not be).
    await page.evaluate(async () => {
      await fetch('/api/v1/districts');
      await fetch('/api/v1/session');
    });
    await expect
      .poll(async () => (await cachedUrls(page)).some((e) => new URL(e.url).pathname === '/api/v1/districts'))
      .toBe(true);

    await context.setOffline(true);
    await server.stop(); // truly gone, whatever the offline emulation covers

    await page.reload();
    await shell.booted();
    await expect(shell.brand).toBeVisible();

    await shell.goto(`${server.url}/helplines`);
    await expect(shell.h1).toHaveText(t('hi', 'services.helplines_title'));

    // The records bundle, from its own cached entry page.
    await shell.goto(`${server.url}/fir-copy`);
    await expect(shell.h1).toHaveText(t('hi', 'services.fir_copy_title'));
    // Its district list comes from the master data cached above.
    await expect(page.locator('#f-district option[value="PAT"]')).toHaveCount(1);
    await expect(page.locator('#f-year')).toBeEditable();

    // The forms bundle, from its own cached entry page.
    await shell.goto(`${server.url}/complaint/about-you`);
    await expect(shell.h1).toHaveText(t('hi', 'complaint.step_about_you'));
    await page.locator('#f-name').fill('सीता देवी');
    await expect(page.locator('#f-name')).toHaveValue('सीता देवी');

    const entries = await cachedUrls(page);
    const api = entries.filter((e) => new URL(e.url).pathname.startsWith('/api/'));
    const personal = api.filter((e) => !isMasters(new URL(e.url).pathname));
    expect(personal, JSON.stringify(personal)).toEqual([]);
    expect(entries.some((e) => e.url.includes('/api/v1/session'))).toBe(false);
    for (const e of api) expect(e.cache).toMatch(/^ns-masters-/);
  });

  test('the status bundle works offline: the lookup opens, and a case shows its last known status', async ({ page, context }) => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ns-pwa-status-'));
    server = new PrivateServer(copyDist(tmp), path.join(tmp, 'db.sqlite3'), await freePort());
    await server.start();
    const api = await request.newContext({ baseURL: server.url });
    const { reference, mobile } = await fileComplaint(undefined, api);
    await api.dispose();
    const shell = new AppShell(page);

    // Online: the citizen looks the case up once; the phone keeps its latest status.
    await shell.goto(`${server.url}/status`);
    await waitForOfflineReady(page);
    await page.locator('#f-reference').fill(reference);
    await page.locator('#f-mobile').fill(mobile);
    await page.locator('[data-testid="show-status"]').click();
    await expect(page).toHaveURL(new RegExp(`/status/${reference}$`));
    await expect(page.locator('[data-testid="current-status"]')).toContainText(t('hi', 'status.code_submitted'));

    await context.setOffline(true);
    await server.stop();

    // The lookup, from the status bundle's own cached entry page (the app's shortcut opens it).
    await shell.goto(`${server.url}/status`);
    await expect(shell.h1).toHaveText(t('hi', 'services.status_title'));
    await expect(page.locator('#f-reference')).toBeEditable();

    // The case page a slip's QR code opens: no answer from the server, but what the phone knows.
    await shell.goto(`${server.url}/status/${reference}`);
    await expect(shell.h1).toHaveText(t('hi', 'status.case_title').replace('{reference}', reference));
    const [before] = t('hi', 'status.last_known').split('{status}');
    await expect(page.locator('[data-testid="last-known"]')).toContainText(`${before}${t('hi', 'status.code_submitted')}`);
  });

  test('a new build waits, is announced, and takes over only when asked', async ({ page }) => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ns-pwa-update-'));
    const dist = copyDist(tmp);
    server = new PrivateServer(dist, path.join(tmp, 'db.sqlite3'), await freePort());
    await server.start();
    await page.addInitScript(() => {
      const w = window as unknown as { __nsEvents: string[] };
      w.__nsEvents = [];
      window.addEventListener('ns-pwa-update', () => w.__nsEvents.push('ns-pwa-update'));
    });
    const shell = new AppShell(page);
    await shell.goto(`${server.url}/`);
    const oldVersion = await waitForOfflineReady(page);
    expect(await page.evaluate(() => window.nsPwa.updateReady)).toBe(false);

    // Build B: a changed file and, as the build would write it, a new VERSION in sw.js.
    await server.stop();
    writeFileSync(path.join(dist, 'robots.txt'), `${readFileSync(path.join(dist, 'robots.txt'), 'utf8')}# build B\n`);
    const newVersion = oldVersion === 'b'.repeat(16) ? 'c'.repeat(16) : 'b'.repeat(16);
    const swPath = path.join(dist, 'sw.js');
    writeFileSync(swPath, readFileSync(swPath, 'utf8').replace(`const VERSION = "${oldVersion}";`, `const VERSION = "${newVersion}";`));
    expect(parseWorker(readFileSync(swPath, 'utf8')).version).toBe(newVersion);
    await server.start();

    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await expect.poll(() => page.evaluate(() => window.nsPwa.updateReady), { timeout: 60_000 }).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __nsEvents: string[] }).__nsEvents)).toContain('ns-pwa-update');
    // Announced once; the new worker is installed (its cache is full) but waits.
    expect(await page.evaluate(() => (window as unknown as { __nsEvents: string[] }).__nsEvents.length)).toBe(1);
    await expect.poll(() => page.evaluate(() => caches.keys())).toContain(`ns-precache-${newVersion}`);
    expect(await page.evaluate(() => caches.keys())).toContain(`ns-precache-${oldVersion}`);

    // The app's banner says so and offers the reload.
    const banner = page.locator('[data-testid="update-banner"]');
    await expect(banner).toBeVisible();

    await page.evaluate(() => {
      (window as unknown as { __beforeUpdate: boolean }).__beforeUpdate = true;
    });
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    expect(await page.evaluate(() => window.nsPwa.applyUpdate())).toBe(true);
    await reloaded;
    await shell.booted();
    expect(await page.evaluate(() => '__beforeUpdate' in window), 'the page reloaded').toBe(false);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    const keys = await page.evaluate(() => caches.keys());
    expect(keys).toContain(`ns-precache-${newVersion}`);
    expect(keys).not.toContain(`ns-precache-${oldVersion}`);
    expect(await page.evaluate(() => window.nsPwa.updateReady)).toBe(false);
    const active = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: !!registration?.waiting, script: navigator.serviceWorker.controller?.scriptURL };
    });
    expect(active.waiting).toBe(false);
    expect(active.script).toBe(`${server.url}/sw.js`);
  });
});

declare global {
  interface Window {
    nsPwa: {
      updateReady: boolean;
      canInstall: boolean;
      installed: boolean;
      applyUpdate(): boolean;
      install(): Promise<string>;
    };
  }
}
