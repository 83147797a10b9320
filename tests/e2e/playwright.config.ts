import { defineConfig } from '@playwright/test';
import { BASE_URL, CHROMIUM_ARGS, CHROMIUM_ENV, CHROMIUM_PATH } from './browser';

// Run through `cargo xtask test` (or `cargo xtask e2e`), which starts a throwaway server and
// sets BASE_URL, NAGRIK_DB, NAGRIK_SERVER_BIN and REPO_ROOT.
export default defineConfig({
  testDir: './specs',
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, env: CHROMIUM_ENV },
    trace: 'retain-on-failure',
  },
});
