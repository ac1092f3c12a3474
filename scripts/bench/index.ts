/**
 * `npm run bench`: the widget's size, speed and hygiene against its budgets (see
 * budgets.ts), measured side by side with a bare Lit element and <vaadin-login-form>.
 * Prints a table, writes .bench/results.json and .bench/results.md, and exits 1 when a
 * budget is missed (2 when the bench itself failed).
 *
 *   npm run bench                      build the bundle afresh (temp dir) and measure it
 *   npm run bench -- --dist            measure dist/jwt-login.bundle.js as `npm run build` left it
 *   npm run bench -- --runs 30 --cycles 2000 --logins 30
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { startAuthServer } from '../../demo/server/index.js';
import { chromiumLaunchOptions } from '../browser.mjs';
import { evaluate, SPLIT_ID } from './budgets.js';
import { buildBundles, buildSplit } from './build.js';
import { measureDelivery, SPLIT_ENTRY, SPLIT_PREFIX } from './delivery.js';
import { measureConditionedLoad, measureLoad } from './load.js';
import { sampleMachineLoad } from './machine-load.js';
import { measureMountCycles } from './mount-cycles.js';
import { renderText, writeReport, type BenchResults } from './report.js';
import { measureRequests } from './requests.js';
import { assetPath, servePages } from './serve.js';
import { measureSizes } from './size.js';
import { describeStack, readSourceMap } from './sourcemap.js';
import { measureSubmitLatency } from './submit-latency.js';
import { VARIANTS } from './variants.js';
import { measureWakeUps } from './wake-ups.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const { values: options } = parseArgs({
  options: {
    dist: { type: 'boolean', default: false },
    runs: { type: 'string', default: '25' },
    cycles: { type: 'string', default: '1000' },
    logins: { type: 'string', default: '25' },
  },
});

function count(name: string, value: string, least: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < least) throw new Error(`--${name} must be a whole number ≥ ${least}`);
  return number;
}

const step = (what: string) => process.stderr.write(`bench: ${what}\n`);

async function main(): Promise<number> {
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;
  const machineLoad = sampleMachineLoad();
  const runs = count('runs', options.runs, 20);
  const cycles = count('cycles', options.cycles, 1000);
  const logins = count('logins', options.logins, 20);
  const outDir = mkdtempSync(join(tmpdir(), 'jwt-login-bench-'));
  try {
    step(options.dist ? 'bundling the two baselines' : 'bundling the widget and the two baselines');
    const bundles = await buildBundles({ repoRoot, outDir, useDist: options.dist });
    step(options.dist ? 'split build: dist/cdn/' : 'building the split build (vite.cdn.config.ts)');
    const split = await buildSplit({ repoRoot, outDir, useDist: options.dist });
    const size = measureSizes(bundles, join(split.dir, 'jwt-login.js'), repoRoot);
    const widgetMap = bundles['jwt-login'].mapPath
      ? readSourceMap(bundles['jwt-login'].path, bundles['jwt-login'].mapPath, repoRoot)
      : undefined;

    const pages = await servePages(Object.fromEntries(Object.values(bundles).map((bundle) => [bundle.id, bundle.path])));
    pages.addDirectory(SPLIT_PREFIX, split.dir);
    const auth = await startAuthServer({ port: 0 });
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      step(`load to first form: ${runs} fresh page loads of each element`);
      const load = await measureLoad(browser, pages, runs);
      step(`load to first form, loopback and throttled link: ${runs} rounds of split build, single file, bare Lit`);
      const conditionedLoad = await measureConditionedLoad(
        browser,
        pages,
        runs,
        [
          { id: SPLIT_ID, label: '<jwt-login> split build', tag: 'jwt-login', attributes: VARIANTS['jwt-login'].attributes, src: SPLIT_ENTRY },
          ...(['jwt-login', 'bare-lit'] as const).map((id) => ({ ...VARIANTS[id], src: assetPath(id) })),
        ],
        'bare-lit',
      );
      step('split build: scripts requested for the first form, a sign-in and four languages');
      const delivery = await measureDelivery(browser, pages, auth);
      step('wake-ups: a minute of an idle signed-in tab (fake clock)');
      const wakeUps = await measureWakeUps(browser, pages, auth);
      step(`submit to fetch: ${logins} password logins`);
      const submit = await measureSubmitLatency(browser, pages, auth, logins);
      step(`mount/unmount: ${cycles} cycles, and signed in`);
      const locate = (stack: string) => describeStack(widgetMap, stack, assetPath('jwt-login'));
      const mounts = await measureMountCycles(browser, pages, auth, cycles, locate);
      step('requests per login: four methods');
      const requests = await measureRequests(browser, pages, auth);

      const measurements = { size, load, submit, mounts, requests, delivery, conditionedLoad, wakeUps };
      const rows = evaluate(measurements);
      const cpu = cpus();
      const results: BenchResults = {
        meta: {
          date: new Date().toISOString(),
          command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
          machine: {
            os: `${type()} ${release()}`,
            cpu: cpu[0]?.model.trim() ?? 'unknown',
            cores: cpu.length,
            ramGb: Math.round(totalmem() / 1024 ** 3),
            node: process.versions.node,
            chromium: browser.version(),
          },
          loadAverage: { start: loadAtStart, end: loadavg()[0]! },
          otherProcesses: machineLoad.stop(),
          bundle: options.dist
            ? 'dist/jwt-login.bundle.js as built by `npm run build`'
            : 'built afresh from the current src/ with the repo’s vite.config.ts (into a temp dir, not dist/)',
          durationMs: performance.now() - started,
        },
        ...measurements,
        rows,
        ok: rows.every((row) => row.status !== 'MISSED'),
      };
      process.stdout.write(`\n${renderText(results)}\n\n`);
      writeReport(join(repoRoot, '.bench'), results);
      process.stdout.write(
        `${results.ok ? 'Every budget met.' : `MISSED: ${rows.filter((row) => row.status === 'MISSED').map((row) => row.figure).join('; ')}`}\n` +
          'Written: .bench/results.json, .bench/results.md\n',
      );
      return results.ok ? 0 : 1;
    } finally {
      await browser.close();
      await auth.close();
      await pages.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
