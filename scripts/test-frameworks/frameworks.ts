/**
 * The framework apps of `npm run test:frameworks`, one row each. An app's pins are its own
 * package.json under test/fixtures/ (what a user's app would list, minus jwt-login-widget,
 * which the test installs from the current source); they are installed once into
 * `${XDG_CACHE_HOME:-~/.cache}/jwt-login-widget/frameworks/<name>-<hash of the pins>/`, never
 * into the repository's package.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../../test/packaging/package-build.js';
import { manifestSpec, pinnedFolder, type InstallSpec } from '../test-servers/cache.js';

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
  /** the README section that shows the app's code */
  readme: { heading: string; files: readonly string[] };
}

export const FRAMEWORKS: readonly Framework[] = [
  {
    name: 'vue',
    fixture: 'vue-app',
    main: 'vue',
    build: ['vite/bin/vite.js', 'build'],
    output: 'dist',
    readme: { heading: 'Vue', files: ['vite.config.js', 'src/App.vue'] },
  },
  {
    name: 'svelte',
    fixture: 'svelte-app',
    main: 'svelte',
    build: ['vite/bin/vite.js', 'build'],
    output: 'dist',
    readme: { heading: 'Svelte', files: ['src/App.svelte'] },
  },
  {
    name: 'angular',
    fixture: 'angular-app',
    main: '@angular/core',
    build: ['@angular/cli/bin/ng.js', 'build'],
    output: 'dist/browser',
    readme: { heading: 'Angular', files: ['src/app.ts'] },
  },
];

export const fixtureFolder = (framework: Framework) => join(REPO, 'test', 'fixtures', framework.fixture);

/** The app's pinned dependencies, as the cache installs them. */
export function toolchainSpec(framework: Framework): InstallSpec {
  return manifestSpec(fixtureFolder(framework), framework.name, framework.main);
}

/** The cache folder of the framework's toolchain; other pins, another folder. */
export function toolchainFolder(framework: Framework): string {
  return pinnedFolder('frameworks', toolchainSpec(framework));
}

/** The API the README's code signs in to; the apps take the stand-in's from `?api=` instead. */
const README_BASE_URL = "'https://go.api.gourban.services/v1'";
const APP_BASE_URL = "new URLSearchParams(location.search).get('api') ?? ''";

/** A file of the app as the README shows it: the same code, with the real API's base URL. */
export function readmeCode(framework: Framework, file: string): string {
  return readFileSync(join(fixtureFolder(framework), file), 'utf8').trim().replace(APP_BASE_URL, README_BASE_URL);
}

/** The text of the README's `## <heading>` section. */
export function readmeSection(heading: string): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}
