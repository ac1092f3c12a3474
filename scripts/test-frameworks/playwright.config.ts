import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../browser.mjs';

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
  outputDir: '../../test-results/frameworks',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
  },
});
