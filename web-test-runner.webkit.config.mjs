// The component tests of web-test-runner.config.mjs, in WebKitGTK's MiniBrowser over WebDriver:
// run them with `npm run test:webkit` (it starts Xvfb, WebKitWebDriver and the stand-in server).
import chromium from './web-test-runner.config.mjs';
import { WebKitLauncher } from './scripts/test-webkit/launcher.mjs';
import { webkitRemoteOptions } from './scripts/test-webkit/webkit.mjs';

const TEST_FILE = /^\/test\/components\/[^/]+\.test\.ts$/;

/** Puts test/webkit/skip-in-webkit.ts ahead of every test file: the tests WebKit cannot run say why they are skipped. */
const skipInWebKit = {
  name: 'skip-in-webkit',
  transform(context) {
    if (TEST_FILE.test(context.path)) return { body: `import '/test/webkit/skip-in-webkit.ts';\n${context.body}` };
  },
};

export default {
  ...chromium,
  plugins: [...chromium.plugins, skipInWebKit],
  browsers: [new WebKitLauncher(webkitRemoteOptions())],
  // Every key, click and check is a WebDriver round trip here: the first test of a run, which
  // also loads axe into a cold engine, took over 10 s on a busy 2-core machine.
  testFramework: { config: { ...chromium.testFramework.config, timeout: 20_000 } },
};
