/**
 * End-to-end tests: Debian's Chromium (never a downloaded browser) against the loopback host,
 * one host process and one temporary data folder per test. Results go to test-results/e2e.json
 * so the project test runner can total them.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './scripts/chromium';

// The browser, the host processes and the tests' own dates share one time zone, as the app and its window do on
// a user's computer; otherwise, between 16:00 and 24:00 UTC the browser's "today" (Shanghai) is a day after main's.
// Set before the workers and the hosts start, which inherit it.
process.env.TZ = 'Asia/Shanghai';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e-artifacts',
  use: {
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    actionTimeout: 10_000,
    launchOptions: {
      executablePath: CHROMIUM_EXECUTABLE,
      args: CHROMIUM_ARGS,
    },
  },
});
