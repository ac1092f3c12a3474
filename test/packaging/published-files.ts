/**
 * What the published package holds, checked by the package test (a temp build) and by
 * `npm run test:install` (a real install from git): only what a user needs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every path `npm pack` may ship; anything else in the tarball is a mistake. */
const PUBLISHED = [
  /^package\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE(\.md|\.txt)?$/,
  /^custom-elements\.json$/,
  /^dist\/[\w./-]+\.(js|d\.ts)(\.map)?$/,
  // Editors' data made from custom-elements.json (JetBrains web-types, VS Code custom data).
  /^dist\/(web-types|vscode\.(html|css)-custom-data)\.json$/,
  // Beside each script delivery (the single file in dist/, the split build in dist/cdn/).
  /^dist\/(cdn\/)?THIRD-PARTY-LICENSES\.md$/,
  /^dist\/(cdn\/)?integrity\.json$/,
  // Editors' data from the manifest (JetBrains web-types, VS Code custom data).
  /^dist\/(web-types|vscode\.(html|css)-custom-data)\.json$/,
];

/** The paths among `files` that the package should not ship. */
export const unexpectedFiles = (files: readonly string[]) => files.filter((file) => !PUBLISHED.some((pattern) => pattern.test(file)));

/** What a user needs and must find: the docs, both script deliveries, their notices and hashes. */
export const REQUIRED_FILES = [
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'custom-elements.json',
  'dist/index.js',
  'dist/define.js',
  'dist/jwt-login.bundle.js',
  'dist/THIRD-PARTY-LICENSES.md',
  'dist/integrity.json',
  'dist/cdn/jwt-login.js',
  'dist/cdn/bridges.js',
  'dist/cdn/THIRD-PARTY-LICENSES.md',
  'dist/cdn/integrity.json',
] as const;

/** A script delivery: the folder of its `integrity.json` and license texts, relative to the package. */
export const DELIVERIES = ['dist', 'dist/cdn'] as const;

/** `sha384-<base64>` of a file, as a `<script integrity>` attribute wants it. */
export const sha384 = (path: string) => `sha384-${createHash('sha384').update(readFileSync(path)).digest('base64')}`;

/** A delivery's `integrity.json`: script path (relative to the delivery) → SRI hash. */
export const readIntegrity = (packageFolder: string, delivery: string) =>
  JSON.parse(readFileSync(join(packageFolder, delivery, 'integrity.json'), 'utf8')) as Record<string, string>;

/** A script of only a banner and `export {…} from "…"`: no code of its own, so the bundler writes no source map. */
const REEXPORT_ONLY = /^(?:\/\*![^\n]*\*\/\n)?(?:export\s*\{[^}]*\}\s*from\s*"[^"]+";?\s*)+$/;

/**
 * The packages bundled into a script, read from its source map (every `node_modules/<name>/`
 * or `node_modules/@scope/<name>/` among its sources): what a banner must name. A script
 * that only re-exports a chunk (bridges.js) bundles none; any other script must have a map.
 */
export function bundledPackageNames(script: string): string[] {
  if (!existsSync(`${script}.map`)) {
    if (REEXPORT_ONLY.test(readFileSync(script, 'utf8'))) return [];
    throw new Error(`${script} has code but no source map`);
  }
  const { sources } = JSON.parse(readFileSync(`${script}.map`, 'utf8')) as { sources: string[] };
  const names = sources.flatMap((source) => {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(source);
    return match ? [match[1]!] : [];
  });
  return [...new Set(names)].sort();
}
