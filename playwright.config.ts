import { defineConfig } from '@playwright/test';
import { basename } from 'node:path';
import { chromiumLaunchOptions } from './scripts/browser.mjs';
import { EXPLORER_SPECS } from './scripts/explorer-specs.js';

/** End-to-end tests of the demo and of a static page using the bundle. */
export default defineConfig({
  testDir: 'test/e2e',
  // The explorers' specs run in `npm run test:explorers` (scripts/explorer-specs.ts says why), or when named.
  testIgnore: process.env.JWT_LOGIN_E2E_EVERY_SPEC ? [] : EXPLORER_SPECS.map((spec) => `**/${basename(spec)}`),
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list'], ['json']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
  },
});
