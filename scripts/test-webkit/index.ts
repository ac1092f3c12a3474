// `npm run test:webkit`: the component tests (web-test-runner.webkit.config.mjs) and the e2e smoke
// (test/webkit/*.test.ts, WebdriverIO) in WebKitGTK's MiniBrowser over WebKitWebDriver, on a
// virtual display of its own. Needs Debian's webkit2gtk-driver and xvfb. The last line sums
// both suites: `N passed, N failed`. Test files narrow the run: `npm run test:webkit -- test/components/ux.test.ts`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { run, runComponentTests, runNodeTests, runSuites, testFiles, type Counts } from '../suites.js';
import { startDisplay } from './display.js';
import { startWebKitDriver } from './driver.js';
import { WEBKIT_SKIPS } from '../../test/webkit/component-skips.js';

// Out of `.test-results`, which `npm test` clears when it starts: the two may run side by side.
const results = join('.test-results-webkit', 'counts');
const logs = join('.test-results-webkit', 'logs');
const commands = { Xvfb: 'xvfb', WebKitWebDriver: 'webkit2gtk-driver' };
const missing = Object.entries(commands).filter(([command]) => spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0);
if (missing.length > 0) {
  console.error(`Missing ${missing.map(([command]) => command).join(', ')}: apt-get install -y ${missing.map(([, pkg]) => pkg).join(' ')}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

type Suite = 'components' | 'smoke';
const FOLDERS: Record<Suite, string> = { components: 'test/components/', smoke: 'test/webkit/' };
const files = process.argv.slice(2);
const filesOf = (suite: Suite) => files.filter((file) => file.startsWith(FOLDERS[suite]));
const requested = (['components', 'smoke'] as const).filter((suite) => files.length === 0 || filesOf(suite).length > 0);

const started = Date.now();
const display = await startDisplay(join(logs, 'xvfb.log'));
const driver = await startWebKitDriver(display.name, join(logs, 'webkit-driver.log'));
const env = { WEBKIT_DRIVER_URL: driver.url };

const suites: Record<Suite, () => Promise<Counts>> = {
  components: () => runComponentTests('web-test-runner.webkit.config.mjs', join(results, 'components.json'), filesOf('components'), env),
  async smoke() {
    // The smoke loads the single-file bundle as a docs site would: build it as `npm test` does.
    if ((await run('npm', ['run', 'build', '--silent'])) !== 0) return { passed: 0, failed: 1 };
    return runNodeTests(files.length > 0 ? filesOf('smoke') : testFiles('test/webkit'), join(results, 'smoke.json'), env);
  },
};

try {
  await runSuites(suites, requested, {
    results,
    notes: () => [
      ...(requested.includes('components') ? Object.entries(WEBKIT_SKIPS).map(([title, reason]) => `skipped in WebKit: ${title}: ${reason}`) : []),
      `WebKit run: ${Math.round((Date.now() - started) / 1000)} s`,
    ],
  });
} finally {
  await driver.stop();
  await display.stop();
}
