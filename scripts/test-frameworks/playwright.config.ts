import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../browser.mjs';
import { cacheRoot } from '../test-servers/cache.js';

/** `npm run test:frameworks`: the Vue, Svelte and Angular apps of test/fixtures/, built and signed in. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
  // Beside the toolchains, out of test-results/, which every e2e run empties: the screenshots
  // of the signed-in apps (<name>-signed-in.png) and what a failed test left.
  outputDir: join(cacheRoot('frameworks'), 'results'),
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
  },
});
