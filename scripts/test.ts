// `npm test`: unit tests (Node), component tests (web-test-runner in Chromium) and
// end-to-end tests (Playwright) in turn; the last line sums them: `N passed, N failed`. After a suite
// name, test files narrow it: `npm run test:components -- test/components/ux.test.ts`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPLORER_SPECS } from './explorer-specs.js';
import { bin, RESULTS, run, runComponentTests, runNodeTests, runSuites, testFiles, type Counts } from './suites.js';

/** What `npm test` runs; `explorers` only when named (`npm run test:explorers`). */
const SUITES = ['unit', 'components', 'e2e'] as const;
const NAMED_ONLY = ['explorers'] as const;
type Suite = (typeof SUITES)[number] | (typeof NAMED_ONLY)[number];

async function runPlaywright(specs: readonly string[], file: string): Promise<Counts> {
  // The whole npm build, dist/ as published: the static-page test loads the single-file
  // bundle as a docs site would; tests of the npm build may read tsc's output or the manifest.
  const built = await run('npm', ['run', 'build', '--silent']);
  if (built !== 0) return { passed: 0, failed: 1 };
  const code = await run(bin('playwright'), ['test', ...specs], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
    ...(specs.length > 0 ? { JWT_LOGIN_E2E_EVERY_SPEC: '1' } : {}),
  });
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } };
    return {
      passed: report.stats.expected + report.stats.flaky,
      failed: report.stats.unexpected + (code !== 0 && report.stats.unexpected === 0 ? 1 : 0),
    };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

const suites: Record<Suite, () => Promise<Counts>> = {
  unit: () => runNodeTests(testFiles('test/unit', 'test/server'), join(RESULTS, 'unit.json')),

  components: () => runComponentTests('web-test-runner.config.mjs', join(RESULTS, 'components.json'), files),

  e2e: () => runPlaywright(files, join(RESULTS, 'e2e.json')),

  explorers: () => runPlaywright(files.length > 0 ? files : EXPLORER_SPECS, join(RESULTS, 'explorers.json')),
};

const isSuite = (name: string): name is Suite => ([...SUITES, ...NAMED_ONLY] as readonly string[]).includes(name);
const requested = process.argv.slice(2).filter(isSuite);
/** Test files to run instead of the whole suite (`npm run test:components -- test/components/ux.test.ts`). */
const files = process.argv.slice(2).filter((name) => !isSuite(name));
await runSuites(suites, requested.length > 0 ? requested : SUITES);
