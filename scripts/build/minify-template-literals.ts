/**
 * Minifies the static text of Lit's `css` and `html` tagged templates in the single-file
 * bundle, where the JS minifier leaves template text alone.
 *
 * - `css` (without `${}` parts): comments dropped, whitespace collapsed and removed where
 *   CSS ignores it, `[part='x']` → `[part=x]`, and in values `0.5` → `.5`, `#ffffff` → `#fff`.
 *   Same rules, same rendering.
 * - `html`: every run of whitespace that contains a line break (the source's indentation)
 *   becomes one space. Outside `<pre>` and `<textarea>` (left alone) a browser renders a
 *   run of white space as one space, so the rendering cannot change; whitespace is never
 *   removed altogether, as between two inline elements it is a visible gap.
 *
 * Only tags imported from `lit` are touched; a template with a backslash in its text is
 * left as it is (its raw and cooked text would differ).
 */
import type { Plugin } from 'vite';
import { type Node, walk } from './ast.js';
import { applyEdits, type Edit } from './source-edits.js';

type Kind = 'css' | 'html';

interface TemplateElement extends Node {
  value: { raw: string };
}

// Strings are kept whole: nothing inside quotes is ever rewritten.
const CSS_STRING = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/;

function minifyCssOutsideStrings(text: string): string {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      // After a colon whitespace never matters (before one it can: `a :hover`).
      .replace(/:\s+/g, ':')
      .replace(/\s+!important/g, '!important')
      .replace(/;}/g, '}')
  );
}

/** Rewrites inside declaration values only (`prop:value` up to `;` or `}`), never in selectors. */
function shortenValues(css: string): string {
  return css.replace(/([{;][\w-]+:)([^;{}]+)(?=[;}])/g, (_, property: string, value: string) => {
    const shorter = value
      .replace(/(^|[^\w.])0\.(\d)/g, '$1.$2')
      .replace(/#([\da-f])\1([\da-f])\2([\da-f])\3\b/gi, '#$1$2$3');
    return property + shorter;
  });
}

/** Minifies a stylesheet without `${}` parts. */
export function minifyCss(text: string): string {
  const parts = text.replace(/\/\*[\s\S]*?\*\//g, '').split(CSS_STRING);
  // Strings stand aside as numbered placeholders while the values are shortened.
  const strings: string[] = [];
  const joined = parts
    .map((part, index) => {
      if (index % 2 === 0) return minifyCssOutsideStrings(part);
      // An attribute selector's value needs no quotes when it is an identifier: `[part=input]`.
      const identifier = /^.-?[A-Za-z_][\w-]*.$/.test(part) && /\[[\w-]+[~|^$*]?=$/.test(parts[index - 1]!);
      strings.push(identifier ? part.slice(1, -1) : part);
      return `\0${strings.length - 1}\0`;
    })
    .join('');
  return shortenValues(joined)
    .replace(/\0(\d+)\0/g, (_, index: string) => strings[Number(index)]!)
    .trim();
}

/**
 * Collapses indentation in the static parts of an html template. `inRawText` carries the
 * state across the parts: whether the text is inside `<pre>` or `<textarea>`.
 */
export function minifyHtmlParts(parts: readonly string[]): string[] {
  let inRawText = false;
  return parts.map((part) =>
    part
      .split(/(<\/?(?:pre|textarea)\b[^>]*>)/i)
      .map((piece, index) => {
        if (index % 2 === 1) {
          inRawText = !piece.startsWith('</');
          return piece;
        }
        return inRawText ? piece : piece.replace(/[ \t\r]*\n\s*/g, ' ');
      })
      .join(''),
  );
}

/** The local names under which `css` and `html` are imported from `lit`. */
function litTags(program: Node): Map<string, Kind> {
  const tags = new Map<string, Kind>();
  for (const statement of program['body'] as Node[]) {
    if (statement.type !== 'ImportDeclaration' || (statement['source'] as { value: string }).value !== 'lit') continue;
    for (const specifier of statement['specifiers'] as Node[]) {
      const imported = (specifier['imported'] as { name?: string } | undefined)?.name;
      if (specifier.type === 'ImportSpecifier' && (imported === 'css' || imported === 'html')) {
        tags.set((specifier['local'] as { name: string }).name, imported);
      }
    }
  }
  return tags;
}

/** The edits that minify every `css` and `html` template in a module. */
export function templateEdits(code: string, program: Node): Edit[] {
  const tags = litTags(program);
  if (tags.size === 0) return [];
  const edits: Edit[] = [];
  walk(program, (node) => {
    if (node.type !== 'TaggedTemplateExpression') return;
    const tag = node['tag'] as Node & { name?: string };
    const kind = tag.type === 'Identifier' ? tags.get(tag.name!) : undefined;
    if (!kind) return;
    const quasis = (node['quasi'] as { quasis: TemplateElement[] }).quasis;
    const raws = quasis.map((quasi) => quasi.value.raw);
    if (raws.some((raw) => raw.includes('\\'))) {
      // A `\`` inside a CSS comment is the one escape we have: drop comments, then look again.
      if (kind !== 'css' || quasis.length !== 1 || raws[0]!.replace(/\/\*[\s\S]*?\*\//g, '').includes('\\')) return;
    }
    const minified = kind === 'css' && quasis.length === 1 ? [minifyCss(raws[0]!)] : kind === 'html' ? minifyHtmlParts(raws) : raws;
    quasis.forEach((quasi, index) => {
      // oxc's spans include the delimiters (`` ` `` or `}` before, `${` or `` ` `` after); ESTree's do not.
      let { start, end } = quasi;
      if (code.slice(start, end) !== quasi.value.raw) {
        start += 1;
        end -= index === quasis.length - 1 ? 1 : 2;
      }
      if (code.slice(start, end) !== quasi.value.raw) {
        throw new Error(`minify-template-literals: unexpected template span at ${quasi.start}`);
      }
      if (minified[index] !== raws[index]) edits.push({ start, end, text: minified[index]! });
    });
  });
  return edits;
}

export function minifyTemplateLiterals(): Plugin {
  return {
    name: 'jwt-login:minify-template-literals',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(css|html)`/.test(code)) return null;
      const edits = templateEdits(code, this.parse(code, { lang: 'ts' }) as unknown as Node);
      return edits.length === 0 ? null : applyEdits(code, edits, id);
    },
  };
}
