/**
 * The framework apps of `npm run test:frameworks`, one row each. An app's pins are its own
 * package.json under test/fixtures/ (what a user's app would list, minus jwt-login-widget,
 * which the test installs from the current source); they are installed once into
 * `${XDG_CACHE_HOME:-~/.cache}/jwt-login-widget/frameworks/<name>-<hash of the pins>/`, never
 * into the repository's package.json.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../../test/packaging/package-build.js';
import { cacheRoot, type InstallSpec } from '../test-servers/cache.js';

export interface Framework {
  /** e.g. `vue`, also the name of the test */
  name: string;
  /** the folder under test/fixtures/ */
  fixture: string;
  /** the package whose version names the framework, e.g. `@angular/core` */
  main: string;
  /** the app's build command: a script under node_modules/ and its arguments, run in the app folder */
  build: readonly [string, ...string[]];
  /** where the build leaves the static site, relative to the app */
  output: string;
}

export const FRAMEWORKS: readonly Framework[] = [
  { name: 'vue', fixture: 'vue-app', main: 'vue', build: ['vite/bin/vite.js', 'build'], output: 'dist' },
  { name: 'svelte', fixture: 'svelte-app', main: 'svelte', build: ['vite/bin/vite.js', 'build'], output: 'dist' },
  { name: 'angular', fixture: 'angular-app', main: '@angular/core', build: ['@angular/cli/bin/ng.js', 'build'], output: 'dist/browser' },
];

export const fixtureFolder = (framework: Framework) => join(REPO, 'test', 'fixtures', framework.fixture);

interface AppManifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** The app's pinned dependencies, as the cache installs them. */
export function toolchainSpec(framework: Framework): InstallSpec {
  const manifest = JSON.parse(readFileSync(join(fixtureFolder(framework), 'package.json'), 'utf8')) as AppManifest;
  const dependencies = { ...manifest.dependencies, ...manifest.devDependencies };
  return { name: framework.name, version: dependencies[framework.main] ?? 'unpinned', dependencies };
}

/** The cache folder of the framework's toolchain; other pins, another folder. */
export function toolchainFolder(framework: Framework): string {
  const hash = createHash('sha256').update(JSON.stringify(toolchainSpec(framework).dependencies)).digest('hex').slice(0, 12);
  return join(cacheRoot('frameworks'), `${framework.name}-${hash}`);
}
