// Installs a pinned toolchain into a cache folder outside the repository, once: the auth
// servers of `npm run test:servers` and the framework CLIs of `npm run test:frameworks`.
//
//   ${XDG_CACHE_HOME:-~/.cache}/jwt-login-widget/servers/<name>@<version>/
//   ${XDG_CACHE_HOME:-~/.cache}/jwt-login-widget/frameworks/<name>-<hash of the pins>/
//   ${XDG_CACHE_HOME:-~/.cache}/jwt-login-widget/examples/<name>-<hash of the pins>/ (npm run test:examples)
//
// A folder counts as installed when its `.installed.json` names the same dependencies as
// asked for now; anything else (a half-finished install, other pins) is installed afresh.
// These machines reach the npm registry only: native modules (sqlite3, better-sqlite3,
// isolated-vm, argon2) cannot download prebuilt binaries, so they build with node-gyp
// against the headers of the running Node (`npm_config_nodedir`), without a download.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface InstallSpec {
  /** e.g. `directus` */
  name: string;
  /** the pinned version shown in the table, e.g. `10.13.4` */
  version: string;
  /** exact dependency pins written to the folder's package.json */
  dependencies: Record<string, string>;
}

/** The cache folder of one kind of toolchain (`servers`, `frameworks`). */
export function cacheRoot(kind = 'servers'): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'jwt-login-widget', kind);
}

/** The pins of `<folder>/package.json` (dependencies and devDependencies), named after `main`'s version. */
export function manifestSpec(folder: string, name: string, main: string): InstallSpec {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const dependencies = { ...manifest.dependencies, ...manifest.devDependencies };
  return { name, version: dependencies[main] ?? 'unpinned', dependencies };
}

/** `<cacheRoot(kind)>/<name>-<hash of the pins>`: other pins, another folder. */
export function pinnedFolder(kind: string, spec: InstallSpec): string {
  const hash = createHash('sha256').update(JSON.stringify(spec.dependencies)).digest('hex').slice(0, 12);
  return join(cacheRoot(kind), `${spec.name}-${hash}`);
}

export function serverFolder(spec: InstallSpec): string {
  return join(cacheRoot(), `${spec.name}@${spec.version}`);
}

/** The folder that holds `include/node/common.gypi` for the running Node, when there is one. */
function nodeHeaders(): string | undefined {
  const prefix = dirname(dirname(process.execPath));
  for (const candidate of [prefix, '/usr', '/usr/local']) {
    if (existsSync(join(candidate, 'include', 'node', 'common.gypi'))) return candidate;
  }
  return undefined;
}

function run(command: string, args: string[], cwd: string, logFile: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    writeFileSync(logFile, `$ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const append = (chunk: Buffer) => writeFileSync(logFile, chunk, { flag: 'a' });
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      append(Buffer.from(String(error)));
      resolve(1);
    });
  });
}

/** Installs `spec` unless its folder already holds exactly it; returns the folder and the time taken. */
export async function ensureInstalled(
  spec: InstallSpec,
  log: (line: string) => void,
  folder = serverFolder(spec),
): Promise<{ folder: string; seconds: number; fresh: boolean }> {
  const marker = join(folder, '.installed.json');
  const wanted = JSON.stringify(spec.dependencies);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted && existsSync(join(folder, 'node_modules'))) {
    return { folder, seconds: 0, fresh: false };
  }
  log(`installing ${spec.name}@${spec.version} into ${folder} (once; this can take minutes)`);
  rmSync(marker, { force: true });
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'package.json'),
    `${JSON.stringify({ name: `jwt-login-cache-${spec.name}`, private: true, dependencies: spec.dependencies }, null, 2)}\n`,
  );
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_update_notifier: 'false' };
  const headers = nodeHeaders();
  if (headers) env.npm_config_nodedir = headers;
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const code = await run(npm, ['install', '--no-audit', '--no-fund', '--loglevel=http'], folder, join(folder, 'install.log'), env);
  const seconds = Math.round((Date.now() - started) / 1000);
  if (code !== 0) {
    throw new Error(`npm install of ${spec.name}@${spec.version} failed (exit ${code}) after ${seconds} s; see ${join(folder, 'install.log')}`);
  }
  writeFileSync(marker, wanted);
  log(`installed ${spec.name}@${spec.version} in ${seconds} s`);
  return { folder, seconds, fresh: true };
}
