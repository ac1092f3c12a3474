// What every test script shares: running a runner, reading the counts its reporter wrote,
// and the summary whose last line is `N passed, N failed` (scripts/test.ts, scripts/test-webkit/).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startAuthServer } from '../demo/server/index.js';

export interface Counts {
  passed: number;
  failed: number;
}

/** Where the runners' reporters write their counts. */
export const RESULTS = '.test-results';

/** Runs `command` with the output shown; resolves with its exit code. */
export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

/** The `*.test.ts` files directly in each folder. */
export function testFiles(...folders: string[]): string[] {
  return folders.flatMap((folder) =>
    existsSync(folder)
      ? readdirSync(folder)
          .filter((name) => name.endsWith('.test.ts'))
          .map((name) => join(folder, name))
      : [],
  );
}

/** Reads a suite's counts; a runner that died before writing them counts as one failure. */
export function readCounts(file: string, exitCode: number): Counts {
  try {
    const counts = JSON.parse(readFileSync(file, 'utf8')) as Counts;
    return exitCode !== 0 && counts.failed === 0 ? { ...counts, failed: 1 } : counts;
  } catch {
    return { passed: 0, failed: 1 };
  }
}

export const bin = (name: string) => join('node_modules', '.bin', name);

/** Runs node:test files (spec output), counting their leaf tests into `countsFile`. */
export async function runNodeTests(files: string[], countsFile: string, env: Record<string, string> = {}): Promise<Counts> {
  const code = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/reporters/node-counts.mjs',
      `--test-reporter-destination=${countsFile}`,
      ...files,
    ],
    env,
  );
  return readCounts(countsFile, code);
}

export interface RunSuitesOptions {
  /** The folder the suites write their counts to, cleared first. Default `.test-results`. */
  results?: string;
  /** Lines printed after the per-suite lines, before the sum. */
  notes?: () => string[];
}

/**
 * Runs web-test-runner with `config` against a fresh stand-in auth server (AUTH_SERVER_URL);
 * `files`, when given, instead of the config's.
 */
export async function runComponentTests(config: string, countsFile: string, files: string[], env: Record<string, string> = {}): Promise<Counts> {
  const server = await startAuthServer({ datarheiFailDelayMs: 300 });
  try {
    const only = files.length > 0 ? ['--files', ...files] : [];
    const code = await run(bin('wtr'), ['--config', config, ...only], { ...env, AUTH_SERVER_URL: server.url, WTR_COUNTS_FILE: countsFile });
    return readCounts(countsFile, code);
  } finally {
    await server.close();
  }
}

/**
 * Runs the named suites in turn, prints one line per suite, the notes, and the sum,
 * `N passed, N failed`, last; sets the exit code.
 */
export async function runSuites<Name extends string>(
  suites: Record<Name, () => Promise<Counts>>,
  names: readonly Name[],
  { results = RESULTS, notes = () => [] }: RunSuitesOptions = {},
): Promise<Counts> {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const total: Counts = { passed: 0, failed: 0 };
  const lines: string[] = [];
  for (const name of names) {
    console.log(`\n=== ${name} ===`);
    const counts = await suites[name]();
    lines.push(`${name}: ${counts.passed} passed, ${counts.failed} failed`);
    total.passed += counts.passed;
    total.failed += counts.failed;
  }
  console.log(`\n${[...lines, ...notes()].join('\n')}`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exitCode = total.failed > 0 ? 1 : 0;
  return total;
}
