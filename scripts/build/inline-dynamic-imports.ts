/**
 * In the single-file bundle every module is inlined anyway, so an `import('./x.js')` of our
 * own source buys no laziness: it only makes the bundler wrap the target and everything it
 * imports in lazy-init functions to keep the deferred evaluation order. This plugin turns
 * such an import into a static one, `import * as ns from './x.js'`, and the call into
 * `Promise.resolve(ns)`: the same promise of the same namespace, evaluated up front.
 *
 * Only for modules whose evaluation order is unobservable: the locale tables, the session
 * engine and the HTTP client have no side effects on import, and the signed-in view's one
 * (adding its texts to the defaults) only has to happen before it renders. The npm build (tsc) keeps the real, on-demand imports.
 *
 * Ours, not a library's: bundlers (rolldown's `codeSplitting: false` included) must keep
 * the deferred evaluation order, and only we know these modules make it unobservable.
 * The edits and their source map are magic-string's.
 */
import type { Plugin } from 'vite';
import { type Node, walk } from './ast.js';
import MagicString from 'magic-string';

/** @param include which importing modules to rewrite (absolute ids) */
export function inlineDynamicImports(include: RegExp): Plugin {
  return {
    name: 'jwt-login:inline-dynamic-imports',
    apply: 'build',
    transform(code, id) {
      if (!include.test(id) || !code.includes('import(')) return null;
      const program = this.parse(code, { lang: 'ts' }) as unknown as Node;
      const specifiers: string[] = [];
      const edited = new MagicString(code);
      walk(program, (node) => {
        const source = node['source'] as Node & { value?: unknown };
        if (node.type !== 'ImportExpression' || source.type !== 'Literal' || typeof source.value !== 'string') return;
        if (node['options']) return;
        let index = specifiers.indexOf(source.value);
        if (index < 0) index = specifiers.push(source.value) - 1;
        edited.overwrite(node.start, node.end, `Promise.resolve(__inlined${index})`);
      });
      if (specifiers.length === 0) return null;
      const imports = specifiers.map((specifier, index) => `import * as __inlined${index} from ${JSON.stringify(specifier)};`);
      // Appended, so every line of the module keeps its place (imports are hoisted anyway).
      edited.append(`\n${imports.join('\n')}\n`);
      return { code: edited.toString(), map: edited.generateMap({ hires: true, source: id }) };
    },
  };
}
