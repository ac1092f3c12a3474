/**
 * The package as a user receives it, built from the current source into a temp folder:
 * never the repo's dist/, which `npm run build` elsewhere empties and rewrites at any time.
 * A consumer gets only the files `npm pack` ships, copied into its own node_modules the way
 * `npm install` lays them out, next to the repo's installed dependencies.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const PACKAGE_NAME = 'jwt-login-widget';

const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
export const bin = (name: string) => join(REPO, 'node_modules', '.bin', name);

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; never rejects, so a failing tool's output reaches the assertion. */
export function run(command: string, args: string[], cwd = REPO): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', (error) => resolve({ code: 1, stdout, stderr: `${stderr}${error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

async function succeed(what: string, outcome: Promise<Outcome>): Promise<void> {
  const { code, stdout, stderr } = await outcome;
  if (code !== 0) throw new Error(`${what} failed (exit ${code}):\n${stdout}\n${stderr}`);
}

/** A fresh temp folder, removed when the process ends (also when a test fails). */
export function tempFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), `${prefix}-`));
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

export type Manifest = {
  modules: Array<{ path: string; declarations?: Array<Record<string, unknown>> }>;
};

/**
 * `npm run analyze`'s manifest, from the same config, kept in memory. The analyzer also
 * syncs package.json's `customElements` with the working directory's package.json, which
 * is only a no-op from the repo root, so it runs from there and nowhere else. The config's
 * plugins write the editors' data and the frameworks' types into `dist`.
 */
export async function analyzeManifest(dist: string): Promise<Manifest> {
  // Loaded on demand: it brings a TypeScript of its own, which the end-to-end tests never need.
  const { cli: analyze } = await import('@custom-elements-manifest/analyzer/cli.js');
  const { TYPES_OUTDIR_VARIABLE } = await import('../../custom-elements-manifest.config.mjs');
  const cwd = process.cwd();
  const outdir = process.env[TYPES_OUTDIR_VARIABLE];
  process.chdir(REPO);
  process.env[TYPES_OUTDIR_VARIABLE] = dist;
  try {
    return (await analyze({ argv: ['analyze', '--quiet'], cwd: REPO, noWrite: true })) as Manifest;
  } finally {
    process.chdir(cwd);
    if (outdir === undefined) delete process.env[TYPES_OUTDIR_VARIABLE];
    else process.env[TYPES_OUTDIR_VARIABLE] = outdir;
  }
}

export interface StageOptions {
  /**
   * Also the single-file bundle and the split build (vite), custom-elements.json and the editors'
   * and frameworks' types made from it; the npm build alone is tsc's.
   */
  complete?: boolean;
}

/**
 * `npm run build` into `<root>/package`: package.json, README, CHANGELOG and LICENSE beside tsc's
 * dist/, plus, when complete, the bundle and the manifest. No node_modules: the folder is
 * what `npm pack` packs, not an install.
 */
export async function stagePackage(root: string, { complete = true }: StageOptions = {}): Promise<string> {
  const folder = join(root, 'package');
  mkdirSync(folder, { recursive: true });
  for (const file of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    if (existsSync(join(REPO, file))) cpSync(join(REPO, file), join(folder, file));
  }
  const dist = join(folder, 'dist');
  await Promise.all([
    succeed('tsc -p tsconfig.build.json', run(process.execPath, [TSC, '-p', 'tsconfig.build.json', '--outDir', dist])),
    ...(complete
      ? [
          succeed('vite build', run(bin('vite'), ['build', '--logLevel', 'warn', '--outDir', dist])),
          succeed(
            'vite build (split)',
            run(bin('vite'), ['build', '--config', 'vite.cdn.config.ts', '--logLevel', 'warn', '--outDir', join(dist, 'cdn')]),
          ),
          analyzeManifest(dist).then((manifest) =>
            writeFileSync(join(folder, 'custom-elements.json'), `${JSON.stringify(manifest, null, 2)}\n`),
          ),
        ]
      : []),
  ]);
  return folder;
}

/** The paths `npm pack` would put into the tarball, relative to the package. */
export async function packedFiles(packageFolder: string): Promise<string[]> {
  const outcome = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], packageFolder);
  if (outcome.code !== 0) throw new Error(`npm pack failed:\n${outcome.stderr}`);
  const [pack] = JSON.parse(outcome.stdout) as Array<{ files: Array<{ path: string }> }>;
  return pack!.files.map((file) => file.path).sort();
}

export interface InstallOptions {
  /** Installed packages the consumer does not have (`react`, `@types/react`, …). */
  without?: readonly string[];
  /**
   * A node_modules folder of the consumer's own toolchain (a framework and its CLI, say),
   * linked first: where it and the repo both have a package, the consumer's version wins.
   */
  toolchain?: string;
}

/**
 * `<consumer>/node_modules` as npm would lay it out: the packed files of the package,
 * copied, and every dependency the repo has installed, linked. The package's own imports
 * (`lit`, `@lit/react`) resolve from there, as after a real install.
 */
export function installPackage(
  consumer: string,
  packageFolder: string,
  files: readonly string[],
  { without = [], toolchain }: InstallOptions = {},
): void {
  const modules = join(consumer, 'node_modules');
  const link = (from: string, name: string) => {
    if (without.includes(name) || name === PACKAGE_NAME || existsSync(join(modules, name))) return;
    symlinkSync(join(from, name), join(modules, name), 'dir');
  };
  mkdirSync(modules, { recursive: true });
  for (const from of toolchain ? [toolchain, join(REPO, 'node_modules')] : [join(REPO, 'node_modules')]) {
    for (const entry of readdirSync(from)) {
      if (entry.startsWith('.')) continue;
      if (entry.startsWith('@')) {
        mkdirSync(join(modules, entry), { recursive: true });
        for (const scoped of readdirSync(join(from, entry))) link(from, `${entry}/${scoped}`);
      } else {
        link(from, entry);
      }
    }
  }
  for (const file of files) {
    const target = join(modules, PACKAGE_NAME, file);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(packageFolder, file), target);
  }
}
