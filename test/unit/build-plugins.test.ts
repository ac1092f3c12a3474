import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { originalPositionFor, TraceMap, type SourceMapInput } from '@jridgewell/trace-mapping';
import { parseAst, type Plugin } from 'vite';
import { compactLocaleTables } from '../../scripts/build/compact-locale-tables.js';
import { inlineDynamicImports } from '../../scripts/build/inline-dynamic-imports.js';
import { minifyTemplateLiterals } from '../../scripts/build/minify-template-literals.js';

interface Transformed {
  code: string;
  map: SourceMapInput;
}

/** What our hooks use of the plugin context: `this.parse`. */
const context = { parse: (code: string, options?: Parameters<typeof parseAst>[1]) => parseAst(code, options) };

/** Calls one of a plugin's hooks (ours are plain functions) with the plugin context. */
async function hook(plugin: Plugin, name: 'buildStart' | 'resolveId' | 'load' | 'transform', ...args: unknown[]): Promise<unknown> {
  const fn = plugin[name] as unknown as (...args: unknown[]) => unknown;
  assert.equal(typeof fn, 'function', `${plugin.name} has a ${name} hook`);
  return await fn.call(context, ...args);
}

const transform = async (plugin: Plugin, code: string, id: string) => (await hook(plugin, 'transform', code, id)) as Transformed | null;

/** The 1-based source line that the generated text `needle` (its first occurrence) maps back to. */
function sourceLineOf(result: Transformed, needle: string): number | null {
  const offset = result.code.indexOf(needle);
  assert.ok(offset >= 0, `${needle} is in the output`);
  const before = result.code.slice(0, offset).split('\n');
  return originalPositionFor(new TraceMap(result.map), { line: before.length, column: before.at(-1)!.length }).line;
}

const lineOf = (code: string, needle: string) => code.slice(0, code.indexOf(needle)).split('\n').length;

describe('minifyTemplateLiterals (minify-literals, the bundle build)', () => {
  const plugin = minifyTemplateLiterals();
  const source = [
    `import { css, html } from 'lit';`,
    `export const styles = css\``,
    `  /* the host */`,
    `  :host {`,
    `    display : block;`,
    `  }`,
    `  .field :hover > input , a { opacity: 0.50 ; color: #ffffff !important; }`,
    `\`;`,
    `export const view = (name: string, code: string) => html\``,
    `  <p class="greeting">`,
    `    Hello <b>\${name}</b>`,
    `    <i>again</i>`,
    `  </p>`,
    `  <pre>\${code}`,
    `    kept</pre>`,
    `\`;`,
    `export const other = String.raw\`  a\n    b  \`;`,
  ].join('\n');

  it('runs in builds only, under the name other configs know', () => {
    assert.equal(plugin.name, 'jwt-login:minify-template-literals');
    assert.equal(plugin.apply, 'build');
  });

  it('minifies css and html template text, keeping the whitespace that renders and other templates', async () => {
    const result = await transform(plugin, source, '/repo/src/components/view.ts');
    assert.ok(result);
    assert.ok(result.code.includes('css`:host{display:block}.field :hover>input,a{opacity:.5;color:#fff!important}`'), result.code);
    // A space between inline content stays (it is a visible gap); <pre> keeps its text as it is.
    assert.match(result.code, /html`<p class="greeting">Hello <b>\$\{name\}<\/b> <i>again<\/i><\/p><pre>\$\{code\}\n {4}kept<\/pre>`/);
    assert.ok(result.code.includes(`String.raw\`  a\n    b  \``));
    assert.ok(result.code.length < source.length);
  });

  it('maps the minified text back to its source lines', async () => {
    const result = await transform(plugin, source, '/repo/src/components/view.ts');
    assert.ok(result);
    assert.equal(sourceLineOf(result, 'export const view'), lineOf(source, 'export const view'));
    assert.equal(sourceLineOf(result, 'export const other'), lineOf(source, 'export const other'));
  });

  it('leaves modules outside src/ alone', async () => {
    assert.equal(await transform(plugin, source, '/repo/node_modules/lit-html/lit-html.js'), null);
  });
});

describe('inlineDynamicImports (the bundle build)', () => {
  const plugin = inlineDynamicImports(/\/src\/localization\.ts$/);
  const source = [
    `const loaders = {`,
    `  de: () => import('./generated/locales/de.js'),`,
    `  fr: () => import('./generated/locales/fr.js'),`,
    `  again: () => import('./generated/locales/de.js'),`,
    `};`,
    `export const load = (tag: string) => loaders[tag]();`,
  ].join('\n');

  it('turns each import() into the namespace of one static import, appended', async () => {
    assert.equal(plugin.name, 'jwt-login:inline-dynamic-imports');
    const result = await transform(plugin, source, '/repo/src/localization.ts');
    assert.ok(result);
    assert.equal(
      result.code,
      [
        `const loaders = {`,
        `  de: () => Promise.resolve(__inlined0),`,
        `  fr: () => Promise.resolve(__inlined1),`,
        `  again: () => Promise.resolve(__inlined0),`,
        `};`,
        `export const load = (tag: string) => loaders[tag]();`,
        `import * as __inlined0 from "./generated/locales/de.js";`,
        `import * as __inlined1 from "./generated/locales/fr.js";`,
        ``,
      ].join('\n'),
    );
    assert.equal(sourceLineOf(result, 'export const load'), 6);
    assert.equal(sourceLineOf(result, 'fr: () => Promise'), 3);
  });

  it('leaves other modules alone', async () => {
    assert.equal(await transform(plugin, source, '/repo/src/other.ts'), null);
  });
});

describe('compactLocaleTables (the bundle build)', () => {
  it('stores each table as an array over one shared id list and builds the same object', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'compact-locale-tables-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const tables = {
      de: `export const templates = {\n  'app.a': \`A de\`,\n  'app.b': \`B de\`,\n  'app.c': \`C de\`,\n};\n`,
      // Lacks app.b: a hole in its array.
      fr: `export const templates = {\n  'app.a': \`A fr\`,\n  'app.c': \`C fr\`,\n};\n`,
    };
    for (const [name, code] of Object.entries(tables)) writeFileSync(join(dir, `${name}.ts`), code);

    const plugin = compactLocaleTables(dir);
    assert.equal(plugin.name, 'jwt-login:compact-locale-tables');
    await hook(plugin, 'buildStart');
    const virtual = (await hook(plugin, 'resolveId', 'virtual:jwt-login-locale-ids')) as string;
    writeFileSync(join(dir, 'ids.mjs'), (await hook(plugin, 'load', virtual)) as string);

    for (const [name, code] of Object.entries(tables)) {
      const result = await transform(plugin, code, join(dir, `${name}.ts`));
      assert.ok(result);
      assert.ok(!result.code.includes("'app.a'"), 'no id left in the table');
      assert.equal(sourceLineOf(result, '`C '), 4 - (name === 'fr' ? 1 : 0));
      writeFileSync(join(dir, `${name}.mjs`), result.code.replace('virtual:jwt-login-locale-ids', './ids.mjs'));
      writeFileSync(join(dir, `${name}.original.mjs`), code);
      const compacted = ((await import(pathToFileURL(join(dir, `${name}.mjs`)).href)) as { templates: object }).templates;
      const original = ((await import(pathToFileURL(join(dir, `${name}.original.mjs`)).href)) as { templates: object }).templates;
      assert.deepEqual(Object.entries(compacted), Object.entries(original));
    }
  });
});
