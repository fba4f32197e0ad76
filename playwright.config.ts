import { defineConfig } from '@playwright/test';

/**
 * Two projects: `e2e` drives the built renderer in Debian's Chromium (no browser download), and
 * `electron` drives the real desktop app where an Electron binary exists (it skips, saying why,
 * where none does). Both need `npm run build` first; `npm test` does that.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    {
      name: 'e2e',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
        viewport: { width: 1280, height: 800 },
        trace: 'retain-on-failure',
      },
    },
    { name: 'electron', testDir: 'test/electron' },
  ],
});
