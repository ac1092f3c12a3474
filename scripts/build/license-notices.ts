/**
 * License notices of the third-party code a bundle carries (Lit, @lit/localize, jose,
 * valibot, …). Their minified copies lose the `@license` comments of their sources, and
 * the MIT and BSD licenses ask that a copy keep the notice. Two parts:
 *
 * - the full texts in one file beside the scripts: Vite's own `build.license` writes it,
 *   from each bundled package's package.json and LICENSE file;
 * - a one-line banner on every script that bundles such code, naming each package with its
 *   version and SPDX identifier and pointing to that file; an entry also names this package.
 *   Added after minification (`output.postBanner`), so the minifier cannot drop it, and
 *   once per file, not once per bundled module.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import type { Plugin } from 'vite';

/** The file of full license texts, in each build's output folder. */
export const LICENSES_FILE = 'THIRD-PARTY-LICENSES.md';

export interface BundledPackage {
  name: string;
  version: string;
  /** The SPDX identifier from the package's package.json. */
  license: string;
}

const inNodeModules = (id: string) => id.includes('/node_modules/');

/**
 * The package a module belongs to: the nearest package.json above it that names a package
 * (packages keep nameless ones in subfolders, e.g. `{"type":"module"}`), as Vite's
 * `build.license` finds it.
 */
function packageOf(moduleId: string, cache: Map<string, BundledPackage | undefined>): BundledPackage | undefined {
  let folder = dirname(moduleId);
  const visited: string[] = [];
  let found: BundledPackage | undefined;
  while (folder !== dirname(folder)) {
    if (cache.has(folder)) {
      found = cache.get(folder);
      break;
    }
    visited.push(folder);
    const file = join(folder, 'package.json');
    if (existsSync(file)) {
      const { name, version = '0.0.0', license = 'UNKNOWN' } = JSON.parse(readFileSync(file, 'utf8')) as Partial<BundledPackage>;
      if (name) {
        found = { name, version, license };
        break;
      }
    }
    folder = dirname(folder);
  }
  for (const seen of visited) cache.set(seen, found);
  return found;
}

/** The third-party packages among a chunk's modules, by name. */
export function bundledPackages(moduleIds: readonly string[], cache = new Map<string, BundledPackage | undefined>()): BundledPackage[] {
  const packages = new Map<string, BundledPackage>();
  for (const id of moduleIds) {
    if (id.startsWith('\0') || !inNodeModules(id)) continue;
    const found = packageOf(id, cache);
    if (found) packages.set(`${found.name}@${found.version}`, found);
  }
  return [...packages.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export interface BannerInput {
  /** The chunk's file name in the output folder, e.g. `chunks/tokens-x.js`. */
  fileName: string;
  isEntry: boolean;
  packages: readonly BundledPackage[];
  /** This package, named on entries. */
  self: { name: string; version: string; license: string };
}

/**
 * `/*! jwt-login-widget 0.1.0 MIT; bundles lit-html 3.3.1 BSD-3-Clause, …; license texts: THIRD-PARTY-LICENSES.md *\/`,
 * or nothing for a script of our code alone that is no entry.
 */
export function licenseBanner({ fileName, isEntry, packages, self }: BannerInput): string {
  if (packages.length === 0 && !isEntry) return '';
  const named = (item: { name: string; version: string; license: string }) => `${item.name} ${item.version} ${item.license}`;
  const parts = [
    ...(isEntry ? [named(self)] : []),
    ...(packages.length > 0
      ? [`bundles ${packages.map(named).join(', ')}`, `license texts: ${posix.relative(posix.dirname(fileName), LICENSES_FILE)}`]
      : []),
  ];
  return `/*! ${parts.join('; ')} */`;
}

/**
 * The banner on every script of the build, and Vite's license file as {@link LICENSES_FILE}
 * beside them. `self` is this package's package.json.
 */
export function licenseNotices(self: BannerInput['self']): Plugin {
  const cache = new Map<string, BundledPackage | undefined>();
  return {
    name: 'jwt-login:license-notices',
    apply: 'build',
    config: () => ({ build: { license: { fileName: LICENSES_FILE } } }),
    outputOptions(options) {
      return {
        ...options,
        // Rolldown adds a line break after any banner, an empty one too; `undefined` adds none.
        postBanner: (chunk) =>
          licenseBanner({ fileName: chunk.fileName, isEntry: chunk.isEntry, packages: bundledPackages(chunk.moduleIds, cache), self }) ||
          (undefined as unknown as string),
      };
    },
  };
}
