import { expect, type Locator, type Page } from '@playwright/test';
import { t, type Lang } from '../locales';
import { AppShell } from './AppShell';

/** A police-station kiosk: the idle warning, Finish, and the on-screen keyboard. */
export class Kiosk extends AppShell {
  readonly dialog: Locator;
  readonly continueButton: Locator;
  readonly finish: Locator;
  readonly keyboard: Locator;

  constructor(page: Page) {
    super(page);
    this.dialog = page.locator('dialog[data-testid="idle-dialog"]');
    this.continueButton = this.dialog.locator('[data-testid="idle-continue"]');
    this.finish = this.header.locator('[data-testid="finish"]');
    this.keyboard = page.locator('[data-testid="keyboard"]');
  }

  /** Opens the kiosk's start address, e.g. `?idle=45&lang=en` for its options. */
  async open(options = '', path = '/') {
    await this.goto(`${path}?kiosk=1${options}`);
    await expect(this.html).toHaveClass(/ns-kiosk/);
  }

  /**
   * Stops the installed fake clock a moment (3 s) ahead of the page's time, so that from here
   * only `clock.runFor` moves it. The page's app needs its own timers to start, so the clock is
   * paused only once it runs.
   */
  async pauseClock() {
    for (let attempt = 0; ; attempt++) {
      const now = await this.page.evaluate(() => Date.now());
      try {
        await this.page.clock.pauseAt(now + 3000);
        return;
      } catch (e) {
        // A slow machine took more than 3 s between the two calls: read the time again.
        if (attempt >= 3 || !String(e).includes('past')) throw e;
      }
    }
  }

  /** Seconds the warning says are left. */
  async secondsLeft(): Promise<number> {
    const text = (await this.dialog.locator('#ns-idle-text').textContent()) ?? '';
    const match = /(\d+)/.exec(text);
    if (!match) throw new Error(`no countdown in ${JSON.stringify(text)}`);
    return Number(match[1]);
  }

  /** The home page as a new citizen finds it: start address, kiosk language, no warning. */
  async expectFreshHome(lang: Lang = 'hi') {
    await expect(this.page).toHaveURL(/\/\?kiosk=1&idle=\d+&lang=(hi|en)$/);
    await expect(this.h1).toHaveText(t(lang, 'home.title'));
    await this.expectLanguage(lang);
    await expect(this.dialog).not.toBeVisible();
  }

  key(name: string): Locator {
    return this.keyboard.getByRole('button', { name, exact: true });
  }

  async type(...keys: string[]) {
    for (const k of keys) await this.key(k).click();
  }
}

/**
 * Everything this origin keeps in the browser, as text: local and session storage, readable
 * cookies, every IndexedDB database with its records, and every Cache Storage entry's body.
 */
export async function browserStorage(page: Page): Promise<{ text: string; caches: string[] }> {
  return page.evaluate(async () => {
    const out: string[] = [];
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i)!;
        out.push(`${key}=${store.getItem(key)}`);
      }
    }
    out.push(`cookie=${document.cookie}`);
    for (const info of indexedDB.databases ? await indexedDB.databases() : []) {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const rows = await new Promise((ok) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => ok(req.result);
        });
        out.push(`idb ${info.name}/${name}=${JSON.stringify(rows)}`);
      }
      db.close();
    }
    const names = await caches.keys();
    for (const name of names) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const type = response?.headers.get('content-type') ?? '';
        // Text bodies only: a citizen's answers would be JSON, HTML or text, never wasm or PNG.
        const body = response && !/wasm|image/.test(type) ? await response.text() : `(${type})`;
        out.push(`cache ${name} ${request.url}=${body}`);
      }
    }
    return { text: out.join('\n'), caches: names };
  });
}
