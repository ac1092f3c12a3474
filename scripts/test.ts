// `npm test`: unit tests (Node), component tests (web-test-runner in Chromium) and
// end-to-end tests (Playwright) in turn; the last line sums them: `N passed, N failed`. After a suite
// name, test files narrow it: `npm run test:components -- test/components/ux.test.ts`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startAuthServer } from '../demo/server/index.js';

interface Counts {
  passed: number;
  failed: number;
}

const RESULTS = '.test-results';
const SUITES = ['unit', 'components', 'e2e'] as const;
type Suite = (typeof SUITES)[number];

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

function testFiles(...folders: string[]): string[] {
  return folders.flatMap((folder) =>
    existsSync(folder)
      ? readdirSync(folder)
          .filter((name) => name.endsWith('.test.ts'))
          .map((name) => join(folder, name))
      : [],
  );
}

/** Reads a suite's counts; a runner that died before writing them counts as one failure. */
function readCounts(file: string, exitCode: number): Counts {
  try {
    const counts = JSON.parse(readFileSync(file, 'utf8')) as Counts;
    return exitCode !== 0 && counts.failed === 0 ? { ...counts, failed: 1 } : counts;
  } catch {
    return { passed: 0, failed: 1 };
  }
}

const bin = (name: string) => join('node_modules', '.bin', name);

const suites: Record<Suite, () => Promise<Counts>> = {
  async unit() {
    const file = join(RESULTS, 'unit.json');
    const code = await run(process.execPath, [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/reporters/node-counts.mjs',
      `--test-reporter-destination=${file}`,
      ...testFiles('test/unit', 'test/server'),
    ]);
    return readCounts(file, code);
  },

  async components() {
    const file = join(RESULTS, 'components.json');
    const server = await startAuthServer({ datarheiFailDelayMs: 300 });
    try {
      const only = files.length > 0 ? ['--files', ...files] : [];
      const code = await run(bin('wtr'), ['--config', 'web-test-runner.config.mjs', ...only], {
        AUTH_SERVER_URL: server.url,
        WTR_COUNTS_FILE: file,
      });
      return readCounts(file, code);
    } finally {
      await server.close();
    }
  },

  async e2e() {
    const file = join(RESULTS, 'e2e.json');
    // The whole npm build, dist/ as published: the static-page test loads the single-file
    // bundle as a docs site would; tests of the npm build may read tsc's output or the manifest.
    const built = await run('npm', ['run', 'build', '--silent']);
    if (built !== 0) return { passed: 0, failed: 1 };
    const code = await run(bin('playwright'), ['test', ...files], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
    try {
      const report = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } };
      return {
        passed: report.stats.expected + report.stats.flaky,
        failed: report.stats.unexpected + (code !== 0 && report.stats.unexpected === 0 ? 1 : 0),
      };
    } catch {
      return { passed: 0, failed: 1 };
    }
  },
};

const isSuite = (name: string): name is Suite => (SUITES as readonly string[]).includes(name);
const requested = process.argv.slice(2).filter(isSuite);
/** Test files to run instead of the whole suite (`npm run test:components -- test/components/ux.test.ts`). */
const files = process.argv.slice(2).filter((name) => !isSuite(name));
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const total: Counts = { passed: 0, failed: 0 };
const lines: string[] = [];
for (const suite of requested.length > 0 ? requested : SUITES) {
  console.log(`\n=== ${suite} ===`);
  const counts = await suites[suite]();
  lines.push(`${suite}: ${counts.passed} passed, ${counts.failed} failed`);
  total.passed += counts.passed;
  total.failed += counts.failed;
}
console.log(`\n${lines.join('\n')}`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exitCode = total.failed > 0 ? 1 : 0;
