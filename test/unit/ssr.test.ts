// Server-side rendering: every entry of the npm build imports in plain Node (no DOM), and
// Lit SSR renders <jwt-login>'s first form into declarative shadow DOM without a request,
// a timer or a storage access. Each import and render runs in a node process of its own, in
// a consumer of the package built from the current source (tsc's build, about 10 s).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, installPackage, packedFiles, run, stagePackage, tempFolder } from '../packaging/package-build.js';

const root = tempFolder('jwt-login-ssr');
const consumer = join(root, 'consumer');

before(async () => {
  const packageFolder = await stagePackage(root, { complete: false });
  cpSync(join(REPO, 'test', 'fixtures', 'ssr'), consumer, { recursive: true });
  installPackage(consumer, packageFolder, await packedFiles(packageFolder));
});

/** Whether an `exports` target leads to a JavaScript module under some condition (not a types-only or JSON entry). */
const leadsToModule = (target: unknown): boolean =>
  typeof target === 'string'
    ? target.endsWith('.js')
    : typeof target === 'object' && target !== null && Object.entries(target).some(([condition, value]) => condition !== 'types' && leadsToModule(value));

/** The entries of package.json's `exports` that are modules, as a consumer imports them (`jwt-login-widget/core`). */
function moduleEntries(): string[] {
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown> };
  return Object.entries(manifest.exports)
    .filter(([, target]) => leadsToModule(target))
    .map(([entry]) => (entry === '.' ? manifest.name : `${manifest.name}/${entry.slice(2)}`));
}

/** What an import in a fresh node process saw: the number of exports, and whether a DOM was there. */
const IMPORT = `
const module = await import(process.argv[1]);
console.log(JSON.stringify({ exports: Object.keys(module).length, document: typeof document, window: typeof window }));
`;

interface Render {
  html: string;
  /** Every request, timer, storage, channel and navigator access the process made (record-side-effects.js). */
  sideEffects: Array<{ name: string; from: string }>;
}

/** `<jwt-login>` rendered by the fixture's render.js, the README's server code, in a node process of its own. */
async function renderWidget(...args: string[]): Promise<Render> {
  const outcome = await run(process.execPath, ['--import', './record-side-effects.js', 'render.js', ...args], consumer);
  assert.equal(outcome.code, 0, outcome.stderr);
  const lines = outcome.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `only the side-effect record on stderr:\n${outcome.stderr}`);
  return { html: outcome.stdout, sideEffects: JSON.parse(lines[0]!) as Render['sideEffects'] };
}

/** The shadow root's markup, without Lit's hydration comments and the style sheet. */
const shadowMarkup = (html: string) =>
  html
    .replace(/<!--[^]*?-->/g, '')
    .replace(/<style>[^]*?<\/style>/g, '')
    .replace(/\s+/g, ' ');

// Each test is a node process of its own: they run side by side.
describe('importing the package in Node, without a DOM', { concurrency: true }, () => {
  it('covers every module entry: the element, its registration, the core, React, the bridges and the bundle', () => {
    const entries = ['', '/define.js', '/core', '/react', '/bridges', '/bundle'].map((entry) => `jwt-login-widget${entry}`);
    assert.deepEqual(entries.filter((entry) => !moduleEntries().includes(entry)), []);
  });

  for (const entry of moduleEntries()) {
    it(`import '${entry}' does not throw and writes nothing to stderr`, async () => {
      const outcome = await run(process.execPath, ['--input-type=module', '-e', IMPORT, entry], consumer);
      assert.equal(outcome.code, 0, outcome.stderr);
      assert.equal(outcome.stderr, '');
      const seen = JSON.parse(outcome.stdout) as { exports: number; document: string; window: string };
      assert.deepEqual({ document: seen.document, window: seen.window }, { document: 'undefined', window: 'undefined' });
      if (entry !== 'jwt-login-widget/define.js') assert.ok(seen.exports > 0, `${entry} exports something`);
    });
  }
});

describe('rendering <jwt-login> with @lit-labs/ssr', { concurrency: true }, () => {
  it('renders the wunder password form into an open declarative shadow root, with its method tabs', async () => {
    const { html } = await renderWidget('https://auth.example.com/wunder/v1', 'wunder', 'acme');
    assert.match(html, /^(<!--[^>]*-->)*<jwt-login [^>]*><template [^>]*shadowrootmode="open"[^>]*>/);
    const markup = shadowMarkup(html);
    assert.equal(markup.match(/role="tab"/g)?.length, 4);
    assert.match(markup, /<div part="base" dir="ltr">/);
    assert.match(markup, /<label part="label" id="[\w-]+" for="jwt-login-password-sign-in-email">E-mail<\/label>/);
    assert.match(markup, /<input part="input" id="jwt-login-password-sign-in-email" name="email"[^>]* type="email"/);
    assert.match(markup, /<input part="input" id="jwt-login-password-sign-in-password" name="password"[^>]* type="password"/);
    assert.match(markup, /<button part="submit" [^>]*type="submit"[^>]*> <span class="labels"> <span class="label" data-active>Sign in<\/span>/);
    assert.doesNotMatch(markup, /role="alert"[^>]*>\s*\S/, 'no error shown');
  });

  it('renders a form for a base-url that is a path, as the browser will resolve it against the page', async () => {
    const { html } = await renderWidget('/datarhei', 'datarhei');
    const markup = shadowMarkup(html);
    assert.match(markup, /name="username"/);
    assert.match(markup, /name="password"/);
    assert.doesNotMatch(markup, /role="tab"/, 'one method, no tabs');
    assert.doesNotMatch(markup, /role="alert"[^>]*>\s*\S/, 'no error shown');
  });

  it('renders in the language set with setWidgetLocale on the server, right to left for Arabic', async () => {
    const german = shadowMarkup((await renderWidget('https://auth.example.com/wunder/v1', 'wunder', 'acme', 'de')).html);
    assert.match(german, /<div part="base" dir="ltr">/);
    assert.match(german, />E-Mail<\/label>/);
    assert.match(german, /data-active>Anmelden<\/span>/);
    const arabic = shadowMarkup((await renderWidget('https://auth.example.com/wunder/v1', 'wunder', 'acme', 'ar')).html);
    assert.match(arabic, /<div part="base" dir="rtl">/);
    assert.match(arabic, />البريد الإلكتروني<\/label>/);
  });

  it('renders without a request, a timer, storage, a channel or the navigator', async () => {
    const { html, sideEffects } = await renderWidget('https://auth.example.com/wunder/v1', 'wunder', 'acme');
    assert.match(html, /name="email"/);
    assert.deepEqual(sideEffects, []);
  });
});
