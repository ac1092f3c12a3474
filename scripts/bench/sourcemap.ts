/**
 * Where the bundle's bytes come from: a source map v3 reader (base64 VLQ mappings)
 * that attributes every minified byte to the source file of the segment it falls in,
 * and maps a bundle position (from a stack trace) back to its source line.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

interface RawSourceMap {
  version: number;
  sources: string[];
  sourceRoot?: string;
  mappings: string;
}

/** One mapping segment: where it starts in the bundle and what it maps to. */
interface Segment {
  column: number;
  source?: number;
  sourceLine?: number;
  sourceColumn?: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Bytes no source claims: the bundler's runtime helpers and glue. */
export const UNMAPPED = '(unmapped)';

const DIGIT = new Map([...BASE64].map((char, index) => [char, index]));

/** Decodes one segment's VLQ fields (each a signed delta). */
function decodeVlq(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`Invalid base64 VLQ character ${JSON.stringify(char)}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** The segments of every generated line, columns ascending. */
function decodeMappings(mappings: string): Segment[][] {
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    const segments: Segment[] = [];
    for (const text of line.split(',')) {
      if (!text) continue;
      const fields = decodeVlq(text);
      column += fields[0]!;
      if (fields.length >= 4) {
        source += fields[1]!;
        sourceLine += fields[2]!;
        sourceColumn += fields[3]!;
        segments.push({ column, source, sourceLine, sourceColumn });
      } else {
        segments.push({ column });
      }
    }
    return segments.sort((a, b) => a.column - b.column);
  });
}

export interface SourceMapView {
  /** Minified bytes (UTF-8) per source file, largest first; UNMAPPED for the rest. */
  bytesBySource: { source: string; bytes: number }[];
  /** The source position of a 1-based line and 0-based column of the bundle. */
  originalPosition(line: number, column: number): { source: string; line: number } | undefined;
}

/** Source paths relative to the repo, without the `node_modules/` prefix. */
function sourceName(map: RawSourceMap, mapPath: string, repoRoot: string, index: number): string {
  const absolute = resolve(dirname(mapPath), map.sourceRoot ?? '', map.sources[index]!);
  return relative(repoRoot, absolute).replace(/^node_modules\//, '').replaceAll('\\', '/');
}

export function readSourceMap(bundlePath: string, mapPath: string, repoRoot: string): SourceMapView {
  const map = JSON.parse(readFileSync(mapPath, 'utf8')) as RawSourceMap;
  const lines = readFileSync(bundlePath, 'utf8').split('\n');
  const decoded = decodeMappings(map.mappings);
  const names = map.sources.map((_, index) => sourceName(map, mapPath, repoRoot, index));
  const bytes = new Map<string, number>();
  const add = (source: string, text: string) => bytes.set(source, (bytes.get(source) ?? 0) + Buffer.byteLength(text));

  // A segment runs until the next one, across line ends: a multi-line template literal
  // (Lit's html``, CSS) has segments only on its first line.
  let owner = UNMAPPED;
  lines.forEach((line, lineIndex) => {
    let column = 0;
    for (const segment of decoded[lineIndex] ?? []) {
      add(owner, line.slice(column, segment.column));
      owner = segment.source === undefined ? UNMAPPED : names[segment.source]!;
      column = segment.column;
    }
    add(owner, line.slice(column) + (lineIndex < lines.length - 1 ? '\n' : ''));
  });

  return {
    bytesBySource: [...bytes].map(([source, count]) => ({ source, bytes: count })).sort((a, b) => b.bytes - a.bytes),
    originalPosition(line, column) {
      const segments = decoded[line - 1] ?? [];
      let found: Segment | undefined;
      for (const segment of segments) {
        if (segment.column > column) break;
        found = segment;
      }
      if (found?.source === undefined) return undefined;
      return { source: names[found.source]!, line: found.sourceLine! + 1 };
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
