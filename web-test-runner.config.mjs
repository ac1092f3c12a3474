import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from './scripts/browser.mjs';
import { countsReporter } from './scripts/reporters/wtr-counts.mjs';

const authServerUrl = process.env.AUTH_SERVER_URL;
if (!authServerUrl) throw new Error('AUTH_SERVER_URL is not set: run the component tests with `npm run test:components`.');

export default {
  files: ['test/components/**/*.test.ts'],
  nodeResolve: true,
  // One file at a time: tests share the stand-in's fault queue.
  concurrency: 1,
  testsFinishTimeout: 120_000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: chromiumLaunchOptions() })],
  testFramework: { config: { timeout: 10_000 } },
  // The stand-in auth server's address reaches the tests as a global set before they load.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><script>window.AUTH_SERVER_URL = ${JSON.stringify(authServerUrl)};</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
  reporters: [defaultReporter(), countsReporter(process.env.WTR_COUNTS_FILE ?? '.test-results/components.json')],
};
