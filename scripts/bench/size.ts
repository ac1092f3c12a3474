/**
 * Transfer size of each bundle: minified bytes, `gzip -9` (the gzip program itself when
 * it is installed: its deflate differs from zlib's by about 1 %, and the budget and the
 * issue's figures are `gzip -9`'s; else zlib at level 9) and brotli at its highest quality
 * (what a CDN's static compression does).
 * For the widget also where its minified bytes come from (via its source map) and which
 * of the contract's parts it carries.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { BuiltBundle } from './build.js';
import { packageOf, readSourceMap } from './sourcemap.js';
import type { VariantId } from './variants.js';

export interface BundleSize {
  minified: number;
  /** `gzip -9`; see `gzipTool`. */
  gzip: number;
  /** zlib at level 9, for reference. */
  zlibGzip: number;
  brotli: number;
}

/** What made the `gzip` figure. */
export type GzipTool = 'gzip -9' | 'zlib level 9';

export interface ModuleShare {
  source: string;
  bytes: number;
  /** Of the minified bundle. */
  share: number;
}

/** One source of the split build's entry: its minified bytes, and what it adds to the entry's gzip. */
export interface EntrySource {
  source: string;
  bytes: number;
  /** The entry's gzip size less that of the entry without this source's code. */
  gzipAdded: number;
}

export interface WidgetContents {
  /** Everything the bundle exports by name. */
  exports: string[];
  /** The four explorer bridges the contract wants exported; the missing ones. */
  missingBridges: string[];
  /** Target locales inlined (the source locale, en, is the code itself). */
  locales: string[];
}

export interface SizeResult {
  gzipTool: GzipTool;
  sizes: Record<VariantId, BundleSize>;
  /** The widget's largest sources, minified bytes each. */
  modules: ModuleShare[];
  /** The widget's bytes per package (`src`, `lit-html`, …). */
  packages: ModuleShare[];
  /** The split build's entry, what the first form loads: its sources, most gzip added first. */
  entrySources: EntrySource[];
  contents: WidgetContents;
}

const BRIDGES = ['connectSwaggerUI', 'connectStoplightElements', 'connectScalar', 'connectRapiDoc'];

/** Bytes of `gzip -9 -n` (no name, no time stamp), or undefined when there is no gzip program. */
function gzipProgram(code: Buffer): number | undefined {
  try {
    return execFileSync('gzip', ['-9', '-n', '-c'], { input: code, maxBuffer: 64 * 1024 * 1024 }).length;
  } catch {
    return undefined;
  }
}

export function measureSize(code: Buffer): BundleSize & { gzipTool: GzipTool } {
  const zlibGzip = gzipSync(code, { level: 9 }).length;
  const program = gzipProgram(code);
  return {
    minified: code.length,
    gzip: program ?? zlibGzip,
    gzipTool: program === undefined ? 'zlib level 9' : 'gzip -9',
    zlibGzip,
    brotli: brotliCompressSync(code, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: code.length,
      },
    }).length,
  };
}

/**
 * Where the first form's bytes go: each source of the split build's entry with its minified
 * bytes and the gzip bytes it adds (the entry compressed, less the entry compressed without
 * it). What a source adds compressed, not its share of the minified bytes, is what leaving
 * it out of the entry would save; the column does not add up to the total, since sources
 * compress against each other.
 */
export function measureEntrySources(entryPath: string, repoRoot: string): EntrySource[] {
  const map = readSourceMap(entryPath, `${entryPath}.map`, repoRoot);
  const gzip = (code: string) => {
    const bytes = Buffer.from(code);
    return gzipProgram(bytes) ?? gzipSync(bytes, { level: 9 }).length;
  };
  const whole = gzip(readFileSync(entryPath, 'utf8'));
  return map.bytesBySource
    .map(({ source, bytes }) => ({ source, bytes, gzipAdded: whole - gzip(map.withoutSource(source)) }))
    .sort((a, b) => b.gzipAdded - a.gzipAdded);
}

/** The names of the bundle's last `export { a as b, … }` statement (rolldown writes exactly one). */
function exportedNames(code: string): string[] {
  const statements = [...code.matchAll(/\bexport\s*\{([^}]*)\}/g)];
  const list = statements.at(-1)?.[1] ?? '';
  return list
    .split(',')
    .map((entry) => entry.trim().split(/\s+as\s+/).at(-1)!.replace(/^["']|["']$/g, ''))
    .filter(Boolean);
}

export function measureSizes(bundles: Record<VariantId, BuiltBundle>, splitEntryPath: string, repoRoot: string, top = 10): SizeResult {
  const measured = Object.values(bundles).map((bundle) => ({ id: bundle.id, ...measureSize(readFileSync(bundle.path)) }));
  const sizes = Object.fromEntries(
    measured.map(({ id, minified, gzip, zlibGzip, brotli }) => [id, { minified, gzip, zlibGzip, brotli }]),
  ) as Record<VariantId, BundleSize>;
  const gzipTool = measured.every((size) => size.gzipTool === 'gzip -9') ? 'gzip -9' : 'zlib level 9';

  const widget = bundles['jwt-login'];
  const minified = sizes['jwt-login'].minified;
  const share = (source: string, bytes: number): ModuleShare => ({ source, bytes, share: bytes / minified });
  let modules: ModuleShare[] = [];
  let packages: ModuleShare[] = [];
  let sources: string[] = [];
  if (widget.mapPath) {
    const map = readSourceMap(widget.path, widget.mapPath, repoRoot);
    sources = map.bytesBySource.map((entry) => entry.source);
    modules = map.bytesBySource.slice(0, top).map((entry) => share(entry.source, entry.bytes));
    const byPackage = new Map<string, number>();
    for (const { source, bytes } of map.bytesBySource) {
      byPackage.set(packageOf(source), (byPackage.get(packageOf(source)) ?? 0) + bytes);
    }
    packages = [...byPackage].map(([name, bytes]) => share(name, bytes)).sort((a, b) => b.bytes - a.bytes);
  }

  const exports = exportedNames(readFileSync(widget.path, 'utf8'));
  return {
    gzipTool,
    sizes: gzipTool === 'gzip -9' ? sizes : mapValues(sizes, (size) => ({ ...size, gzip: size.zlibGzip })),
    modules,
    packages,
    entrySources: measureEntrySources(splitEntryPath, repoRoot),
    contents: {
      exports,
      missingBridges: BRIDGES.filter((name) => !exports.includes(name)),
      locales: sources
        .map((source) => /^src\/generated\/locales\/([\w-]+)\.ts$/.exec(source)?.[1])
        .filter((locale): locale is string => Boolean(locale))
        .sort(),
    },
  };
}

function mapValues<K extends string, V>(record: Record<K, V>, change: (value: V) => V): Record<K, V> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, change(value as V)])) as Record<K, V>;
}
