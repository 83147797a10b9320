import { fileURLToPath } from 'node:url';

// How every test launches Debian's Chromium: Playwright's own browser download is unreachable
// from these machines, and Chromium needs --no-sandbox when run as root.
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080';

/** `FONTCONFIG_FILE` for a browser with these fonts (`fonts/<name>.conf`). */
export function fontsEnv(name: 'phone' | 'no-devanagari'): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  env.FONTCONFIG_FILE = fileURLToPath(new URL(`./fonts/${name}.conf`, import.meta.url));
  return env;
}

/**
 * The fonts every test's browser has: the machine's own plus Noto Sans Devanagari as a system
 * font, as an Android phone has it (`fonts/phone.conf`). A machine without any Devanagari
 * font would otherwise download the app's fallback web font on every Hindi page, which no
 * phone does; `font.spec.ts` tests that fallback with `fontsEnv('no-devanagari')`.
 */
export const CHROMIUM_ENV = fontsEnv('phone');

