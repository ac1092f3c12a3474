import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

// What would break a strict CSP with Trusted Types, or render server text as HTML.
const FORBIDDEN: Array<[string, RegExp]> = [
  ['unsafeHTML', /\bunsafeHTML\b/],
  ['unsafeSVG', /\bunsafeSVG\b/],
  ['innerHTML', /\.(inner|outer)HTML\b/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write/],
  ['eval', /\beval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['a style attribute set from a string', /setAttribute\(\s*['"]style['"]|\.style\.cssText|style=\$\{/],
  ['a string timer', /setTimeout\(\s*['"`]/],
];

describe('source safety', () => {
  const files = [...sourceFiles('src'), ...sourceFiles('demo')].map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  for (const [name, pattern] of FORBIDDEN) {
    it(`no file in src/ or demo/ uses ${name}`, () => {
      assert.deepEqual(
        files.filter(({ text }) => pattern.test(text)).map(({ file }) => file),
        [],
      );
    });
  }
});
