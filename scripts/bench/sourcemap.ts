/**
 * Where the bundle's bytes come from: the bundle's source map, read with
 * @jridgewell/trace-mapping, attributes every minified byte to the source file of the
 * segment it falls in (and can leave a source's bytes out, to see what it adds compressed),
 * and maps a bundle position (from a stack trace) back to its source line.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { decodedMappings, traceSegment, TraceMap } from '@jridgewell/trace-mapping';

/** Bytes no source claims: the bundler's runtime helpers and glue. */
export const UNMAPPED = '(unmapped)';

export interface SourceMapView {
  /** Minified bytes (UTF-8) per source file, largest first; UNMAPPED for the rest. */
  bytesBySource: { source: string; bytes: number }[];
  /** Per source file, the bundle's text with that source's code left out (what the bundle would be without it). */
  withoutSource(source: string): string;
  /** The source position of a 1-based line and 0-based column of the bundle. */
  originalPosition(line: number, column: number): { source: string; line: number } | undefined;
}

/** Source paths relative to the repo, without the `node_modules/` prefix. */
function sourceName(map: TraceMap, mapPath: string, repoRoot: string, index: number): string {
  const absolute = resolve(dirname(mapPath), map.sourceRoot ?? '', map.sources[index] ?? '');
  return relative(repoRoot, absolute).replace(/^node_modules\//, '').replaceAll('\\', '/');
}

export function readSourceMap(bundlePath: string, mapPath: string, repoRoot: string): SourceMapView {
  const map = new TraceMap(readFileSync(mapPath, 'utf8'));
  const code = readFileSync(bundlePath, 'utf8');
  // Per generated line, its segments ([column, source, line, column, name?]), columns ascending.
  const decoded = decodedMappings(map);
  const names = map.sources.map((_, index) => sourceName(map, mapPath, repoRoot, index));
  /** Per source, the [start, end) offsets into `code` of its text. */
  const spans = new Map<string, [number, number][]>();
  const add = (source: string, start: number, end: number) => {
    if (end <= start) return;
    const ranges = spans.get(source);
    if (ranges) ranges.push([start, end]);
    else spans.set(source, [[start, end]]);
  };

  // A segment runs until the next one, across line ends: a multi-line template literal
  // (Lit's html``, CSS) has segments only on its first line.
  let owner = UNMAPPED;
  let ownerStart = 0;
  let lineStart = 0;
  code.split('\n').forEach((line, lineIndex) => {
    for (const segment of decoded[lineIndex] ?? []) {
      add(owner, ownerStart, lineStart + segment[0]);
      owner = segment.length === 1 ? UNMAPPED : names[segment[1]]!;
      ownerStart = lineStart + segment[0];
    }
    lineStart += line.length + 1;
  });
  add(owner, ownerStart, code.length);

  const bytesOf = (ranges: [number, number][]) => ranges.reduce((total, [start, end]) => total + Buffer.byteLength(code.slice(start, end)), 0);
  return {
    bytesBySource: [...spans].map(([source, ranges]) => ({ source, bytes: bytesOf(ranges) })).sort((a, b) => b.bytes - a.bytes),
    withoutSource(source) {
      let kept = '';
      let from = 0;
      for (const [start, end] of spans.get(source) ?? []) {
        kept += code.slice(from, start);
        from = end;
      }
      return kept + code.slice(from);
    },
    originalPosition(line, column) {
      // The segment at or before the column on that line (trace-mapping's default bias).
      const segment = line >= 1 && column >= 0 ? traceSegment(map, line - 1, column) : null;
      if (!segment || segment.length === 1) return undefined;
      return { source: names[segment[1]]!, line: segment[2] + 1 };
    },
  };
}

/** The package a source belongs to (`lit-html`, `@lit/localize`), or `src` for the widget's own code. */
export function packageOf(source: string): string {
  if (source === UNMAPPED) return source;
  const parts = source.split('/');
  if (parts[0] === 'src' || !source.includes('/')) return parts[0]!;
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/**
 * A stack trace's frames in the bundle (`…/assets/jwt-login.js:1:2345`) as source lines,
 * innermost first: `src/controllers/session-controller.ts:93 ← lit-element/lit-element.js:6`.
 */
export function describeStack(map: SourceMapView | undefined, stack: string, bundleUrlPath: string, depth = 3): string {
  const frame = new RegExp(`${bundleUrlPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)`);
  const located = stack
    .split('\n')
    .map((line) => frame.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => {
      const position = map?.originalPosition(Number(match[1]), Number(match[2]) - 1);
      return position ? `${position.source}:${position.line}` : `bundle ${match[1]}:${match[2]}`;
    });
  return located.length > 0 ? located.slice(0, depth).join(' ← ') : (stack.split('\n')[0]?.trim() ?? '(no stack)');
}
