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
