/**
 * Applies non-overlapping text replacements to a module and returns the new code with a
 * source map back to the original, so the single-file bundle's map stays exact after our
 * build plugins. (No MagicString among our dependencies; a few lines of VLQ beat adding one.)
 */

/** Replace `code.slice(start, end)` with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface EditedModule {
  code: string;
  map: { version: 3; sources: string[]; names: string[]; mappings: string };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function vlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    out += BASE64[digit];
  } while (rest > 0);
  return out;
}

export function applyEdits(code: string, edits: readonly Edit[], source: string): EditedModule {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  const lines: string[] = [];
  let segments: string[] = [];
  // Running values of the VLQ fields (generated column restarts on each line).
  let genCol = 0;
  let prevGenCol = 0;
  let prevLine = 0;
  let prevCol = 0;
  let srcLine = 0;
  let srcCol = 0;

  const mark = () => {
    segments.push(vlq(genCol - prevGenCol) + 'A' + vlq(srcLine - prevLine) + vlq(srcCol - prevCol));
    prevGenCol = genCol;
    prevLine = srcLine;
    prevCol = srcCol;
  };
  const newLine = () => {
    lines.push(segments.join(','));
    segments = [];
    genCol = 0;
    prevGenCol = 0;
  };
  // Copies original text, one mapping per character, so columns stay exact.
  const copy = (from: number, to: number) => {
    for (let index = from; index < to; index++) {
      const char = code[index]!;
      out += char;
      if (char === '\n') {
        newLine();
        srcLine++;
        srcCol = 0;
      } else {
        mark();
        genCol++;
        srcCol++;
      }
    }
  };
  // Writes a replacement, mapped to the start of what it replaces; then skips the original.
  const replace = (edit: Edit) => {
    const parts = edit.text.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) newLine();
      if (part) mark();
      out += (index > 0 ? '\n' : '') + part;
      genCol += part.length;
    });
    for (let index = edit.start; index < edit.end; index++) {
      if (code[index] === '\n') {
        srcLine++;
        srcCol = 0;
      } else {
        srcCol++;
      }
    }
  };

  let position = 0;
  for (const edit of sorted) {
    if (edit.start < position) throw new Error(`${source}: overlapping edits at ${edit.start}`);
    copy(position, edit.start);
    replace(edit);
    position = edit.end;
  }
  copy(position, code.length);
  lines.push(segments.join(','));
  return { code: out, map: { version: 3, sources: [source], names: [], mappings: lines.join(';') } };
}
