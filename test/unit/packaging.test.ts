// The package as published: its manifest against the contract and the element's real API,
// what `npm pack` ships, publint and arethetypeswrong, and TypeScript consumers of the built
// package under both module resolutions. One temp build serves every check (about 10 s).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import ts from 'typescript';
import {
  type Manifest,
  type Outcome,
  REPO,
  bin,
  installPackage,
  packedFiles,
  run,
  stagePackage,
  tempFolder,
} from '../packaging/package-build.js';
import { DELIVERIES, REQUIRED_FILES, bundledPackageNames, readIntegrity, sha384, unexpectedFiles } from '../packaging/published-files.js';

// From CONTRACT.md, "<jwt-login>": the public names users and outside tests rely on.
const CONTRACT = {
  attributes: {
    'base-url': 'baseUrl',
    tenant: 'tenant',
    preset: 'preset',
    methods: 'methods',
    'branch-id': 'branchId',
    'signing-key': 'signingKey',
    persist: 'persist',
    refresh: 'refresh',
    timeout: 'timeout',
    // Issue 15: the signed-in view's heading level, beyond the contract's list.
    'heading-level': 'headingLevel',
    // Issue 17: connect the page's API explorers without a script.
    connect: 'connect',
  },
  propertiesOnly: ['endpoints', 'headers', 'signer', 'session'],
  methods: ['getAccessToken', 'refreshTokens', 'logout', 'loginWithToken'],
  events: ['login', 'token-refresh', 'logout', 'login-error', 'otp-sent'],
  parts: ['tabs', 'tab', 'form', 'label', 'input', 'submit', 'error', 'session'],
  cssProperties: [
    '--jwt-login-color-primary',
    '--jwt-login-color-text',
    '--jwt-login-color-surface',
    '--jwt-login-color-danger',
    '--jwt-login-radius',
    '--jwt-login-font-family',
  ],
} as const;

interface Named {
  name: string;
  description?: string;
}
interface ManifestElement extends Named {
  tagName: string;
  attributes?: Array<Named & { fieldName?: string }>;
  members?: Array<Named & { kind: 'field' | 'method'; privacy?: string; static?: boolean }>;
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  slots?: Named[];
}

const REACT_PACKAGES = ['react', 'react-dom', '@types/react', '@types/react-dom'];
const CONSUMER_FIXTURE = join(REPO, 'test', 'types', 'consumer');
const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');

const names = (items: readonly Named[] | undefined) => (items ?? []).map((item) => item.name).sort();
const sorted = (items: Iterable<string>) => [...new Set(items)].sort();
const undescribed = (items: readonly Named[] | undefined) =>
  (items ?? []).filter((item) => !item.description?.trim()).map((item) => item.name);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every match of `pattern`'s first group in the element's sources (templates and styles). */
function inComponentSources(pattern: RegExp): string[] {
  const text = sourceFiles(join(REPO, 'src', 'components')).map((file) => readFileSync(file, 'utf8'));
  return sorted(text.flatMap((source) => [...source.matchAll(pattern)].map((match) => match[1]!)));
}

/** The public instance members of the shipped class, read from its declaration file. */
function declaredPublicMembers(declarationFile: string, className: string): { fields: string[]; methods: string[] } {
  const source = ts.createSourceFile(declarationFile, readFileSync(declarationFile, 'utf8'), ts.ScriptTarget.Latest, true);
  const declaration = source.statements.find(
    (statement): statement is ts.ClassDeclaration => ts.isClassDeclaration(statement) && statement.name?.text === className,
  );
  assert.ok(declaration, `${className} is not declared in ${declarationFile}`);
  const fields: string[] = [];
  const methods: string[] = [];
  for (const member of declaration.members) {
    const hidden = [ts.SyntaxKind.PrivateKeyword, ts.SyntaxKind.ProtectedKeyword, ts.SyntaxKind.StaticKeyword];
    if (ts.getModifiers(member as ts.HasModifiers)?.some((modifier) => hidden.includes(modifier.kind))) continue;
    if (!member.name || ts.isPrivateIdentifier(member.name)) continue;
    const name = member.name.getText(source);
    if (ts.isMethodDeclaration(member)) methods.push(name);
    else if (ts.isPropertyDeclaration(member) || ts.isGetAccessor(member) || ts.isSetAccessor(member)) fields.push(name);
  }
  return { fields: sorted(fields), methods: sorted(methods) };
}

describe('the published package', () => {
  const root = tempFolder('jwt-login-package');
  let packageFolder: string;
  let files: string[];
  let element: ManifestElement;

  before(async () => {
    packageFolder = await stagePackage(root);
    files = await packedFiles(packageFolder);
    const manifest = JSON.parse(readFileSync(join(packageFolder, 'custom-elements.json'), 'utf8')) as Manifest;
    const declarations = manifest.modules.flatMap((module) => module.declarations ?? []) as unknown as ManifestElement[];
    element = declarations.find((declaration) => declaration.tagName === 'jwt-login')!;
    assert.ok(element, 'custom-elements.json declares no <jwt-login>');
  });

  describe('custom-elements.json', () => {
    it('lists each attribute of the contract, tied to its property, and no other', () => {
      const attributes = Object.fromEntries((element.attributes ?? []).filter((a) => a.name !== 'lang').map((a) => [a.name, a.fieldName]));
      assert.deepEqual(attributes, CONTRACT.attributes);
      assert.deepEqual(undescribed(element.attributes), []);
    });

    // `lang` is HTMLElement's own property, so only a class-level `@attr lang` puts it in the manifest.
    it('lists the lang attribute, which the widget follows', () => {
      assert.ok(names(element.attributes).includes('lang'), 'no `lang` among the attributes: JwtLogin\'s JSDoc needs `@attr lang - …`');
    });

    it('lists every public property and method of the shipped class, each described', () => {
      const declared = declaredPublicMembers(join(packageFolder, 'dist', 'components', 'login', 'login.d.ts'), 'JwtLogin');
      const publicMembers = (element.members ?? []).filter((member) => !member.static && (member.privacy ?? 'public') === 'public');
      const byKind = (kind: 'field' | 'method') => names(publicMembers.filter((member) => member.kind === kind));
      assert.deepEqual({ fields: byKind('field'), methods: byKind('method') }, declared);
      assert.deepEqual(undescribed(publicMembers), []);
    });

    it("has the contract's properties and methods among them", () => {
      const members = names(element.members);
      const expected = [...Object.values(CONTRACT.attributes), ...CONTRACT.propertiesOnly, ...CONTRACT.methods];
      assert.deepEqual(expected.filter((name) => !members.includes(name)), []);
    });

    it('lists the five events of the contract, each described', () => {
      assert.deepEqual(names(element.events), sorted(CONTRACT.events));
      assert.deepEqual(undescribed(element.events), []);
    });

    it('lists every part the templates render, each described', () => {
      // A part set from an expression would escape the scan below.
      assert.deepEqual(inComponentSources(/\spart=\$\{([^}]*)\}/g), []);
      // In a template, not a `[part="…"]` selector.
      const rendered = inComponentSources(/\spart="([^"]+)"/g);
      assert.deepEqual(names(element.cssParts), rendered);
      assert.deepEqual(CONTRACT.parts.filter((part) => !rendered.includes(part)), []);
      assert.deepEqual(undescribed(element.cssParts), []);
    });

    it('lists every custom property the styles read, each described', () => {
      const read = inComponentSources(/var\((--jwt-login-[\w-]+)/g);
      assert.deepEqual(names(element.cssProperties), read);
      assert.deepEqual(CONTRACT.cssProperties.filter((property) => !read.includes(property)), []);
      assert.deepEqual(undescribed(element.cssProperties), []);
    });

    it('lists the slots the templates render (none: the widget takes no content)', () => {
      assert.deepEqual(names(element.slots), inComponentSources(/<slot(?:\s+name="([^"]*)")?/g).map((name) => name ?? ''));
    });

    it('is the file package.json names in customElements and exports', () => {
      const manifest = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8')) as {
        customElements: string;
        exports: Record<string, unknown>;
      };
      assert.equal(manifest.customElements, 'custom-elements.json');
      assert.equal(manifest.exports['./custom-elements.json'], './custom-elements.json');
      assert.ok(files.includes('custom-elements.json'));
    });
  });

  describe('npm pack', () => {
    it('holds only the built code, its types and maps, the manifest, the docs, the license, notices and hashes', () => {
      assert.deepEqual(unexpectedFiles(files), []);
      assert.deepEqual(REQUIRED_FILES.filter((file) => !files.includes(file)), []);
    });

    it('holds the split build: its two entries and the chunks they load', () => {
      assert.ok(files.includes('dist/cdn/jwt-login.js') && files.includes('dist/cdn/bridges.js'));
      const chunks = files.filter((file) => /^dist\/cdn\/chunks\/[\w-]+\.js$/.test(file));
      for (const name of ['session-engine', 'session-view', 'client-for-config', 'de', 'ar']) {
        assert.ok(chunks.some((file) => file.startsWith(`dist/cdn/chunks/${name}-`)), `chunk ${name}`);
      }
    });

    it('holds every file package.json points to', () => {
      const manifest = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8')) as Record<string, unknown>;
      const targets = (value: unknown): string[] =>
        typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(targets) : [];
      const pointed = ['main', 'module', 'types', 'customElements', 'web-types', 'exports'].flatMap((field) => targets(manifest[field]));
      const missing = sorted(pointed.map((path) => path.replace(/^\.\//, ''))).filter((path) => !files.includes(path));
      assert.deepEqual(missing, []);
    });

    it('ships a declaration file beside every module of the npm build', () => {
      // The single file and the split build are for <script type="module">; the npm build is typed.
      const modules = files.filter((file) => file.endsWith('.js') && file !== 'dist/jwt-login.bundle.js' && !file.startsWith('dist/cdn/'));
      assert.ok(modules.includes('dist/react/index.js'));
      assert.deepEqual(modules.filter((file) => !files.includes(file.replace(/\.js$/, '.d.ts'))), []);
    });
  });

  describe('license notices of the bundled code', () => {
    /** Every script of both deliveries, relative to the package. */
    const scripts = () => files.filter((file) => /^dist\/(jwt-login\.bundle|cdn\/.+)\.js$/.test(file));
    const installedVersion = (name: string) =>
      (JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string; license: string });

    it('the single file names Lit, @lit/localize, jose and valibot with their SPDX identifiers in its first line', () => {
      const banner = readFileSync(join(packageFolder, 'dist', 'jwt-login.bundle.js'), 'utf8').split('\n')[0]!;
      assert.match(banner, /^\/\*! jwt-login-widget \d+\.\d+\.\d+ MIT; bundles .*; license texts: THIRD-PARTY-LICENSES\.md \*\/$/);
      for (const [name, license] of [['lit', 'BSD-3-Clause'], ['lit-html', 'BSD-3-Clause'], ['@lit/localize', 'BSD-3-Clause'], ['jose', 'MIT'], ['valibot', 'MIT']]) {
        assert.ok(banner.includes(` ${name} ${installedVersion(name!).version} ${license}`), `${name} in ${banner}`);
      }
    });

    it('every script that bundles a package (by its source map) names it in its banner, and its license text is shipped', () => {
      const checked = scripts().filter((script) => bundledPackageNames(join(packageFolder, script)).length > 0);
      assert.ok(checked.length >= 4, `scripts with third-party code: ${checked.join(', ')}`);
      for (const script of checked) {
        const banner = readFileSync(join(packageFolder, script), 'utf8').split('\n')[0]!;
        const delivery = script.startsWith('dist/cdn/') ? 'dist/cdn' : 'dist';
        const texts = readFileSync(join(packageFolder, delivery, 'THIRD-PARTY-LICENSES.md'), 'utf8');
        for (const name of bundledPackageNames(join(packageFolder, script))) {
          const { version, license } = installedVersion(name);
          assert.ok(banner.startsWith('/*! ') && banner.includes(`${name} ${version} ${license}`), `${script} names ${name}: ${banner}`);
          // Vite's build.license: a heading per package, then the text of its LICENSE file.
          const section = texts.split(`\n## ${name} - ${version} (${license})\n`)[1]?.split('\n## ')[0] ?? '';
          assert.match(section, /Copyright/, `${delivery}/THIRD-PARTY-LICENSES.md holds ${name}'s license text`);
        }
      }
    });
  });

  describe('Subresource Integrity', () => {
    for (const delivery of DELIVERIES) {
      it(`${delivery}/integrity.json holds the sha384 of every script of that delivery, as built`, () => {
        const scripts = files
          .filter((file) => file.startsWith(`${delivery}/`) && file.endsWith('.js'))
          .map((file) => file.slice(delivery.length + 1))
          .filter((file) => (delivery === 'dist' ? file === 'jwt-login.bundle.js' : true));
        const integrity = readIntegrity(packageFolder, delivery);
        assert.deepEqual(Object.keys(integrity).sort(), scripts.sort());
        for (const script of scripts) assert.equal(integrity[script], sha384(join(packageFolder, delivery, script)), script);
      });
    }
  });

  describe("editors' data", () => {
    // The detail each event carries, as its handler sees it (CONTRACT.md, "Events").
    const DETAIL_TYPES = {
      login: 'TokenSet',
      'token-refresh': 'TokenSet',
      logout: 'LogoutDetail',
      'login-error': 'LoginErrorDetail',
      'otp-sent': 'OtpSentDetail',
    };
    const readJson = <T>(path: string) => JSON.parse(readFileSync(join(packageFolder, path), 'utf8')) as T;
    /** The parts as each editor names them: `part(x)` in web-types, `::part(x)` in VS Code's data. */
    const partSelectors = (prefix: string) => names(element.cssParts).map((part) => `${prefix}part(${part})`).sort();

    it('JetBrains web-types, named by package.json, list the attributes, properties, events with their details, parts and custom properties', () => {
      const { 'web-types': path } = readJson<{ 'web-types': string }>('package.json');
      const webTypes = readJson<{
        contributions: {
          html: { elements: Array<{ name: string; attributes: Named[]; js: { properties: Named[]; events: Array<Named & { type: string }> } }> };
          css: { properties: Named[]; 'pseudo-elements': Named[] };
        };
      }>(path);
      const [tag, ...others] = webTypes.contributions.html.elements;
      assert.deepEqual([tag?.name, others.length], ['jwt-login', 0]);
      assert.deepEqual(names(tag!.attributes), names(element.attributes));
      const properties = [...Object.values(CONTRACT.attributes), ...CONTRACT.propertiesOnly];
      assert.deepEqual(properties.filter((property) => !names(tag!.js.properties).includes(property)), []);
      assert.deepEqual(Object.fromEntries(tag!.js.events.map((event) => [event.name, event.type])), DETAIL_TYPES);
      assert.deepEqual(names(webTypes.contributions.css.properties), names(element.cssProperties));
      assert.deepEqual(names(webTypes.contributions.css['pseudo-elements']), partSelectors(''));
    });

    it('VS Code custom data list the attributes, parts and custom properties', () => {
      const html = readJson<{ tags: Array<{ name: string; attributes: Named[] }> }>('dist/vscode.html-custom-data.json');
      assert.deepEqual(html.tags.map((tag) => tag.name), ['jwt-login']);
      assert.deepEqual(names(html.tags[0]!.attributes), names(element.attributes));
      const css = readJson<{ properties: Named[]; pseudoElements: Named[] }>('dist/vscode.css-custom-data.json');
      assert.deepEqual(names(css.properties), names(element.cssProperties));
      assert.deepEqual(names(css.pseudoElements), partSelectors('::'));
      assert.deepEqual(undescribed(css.properties), []);
    });
  });

  describe('package linters', () => {
    it('publint reports nothing, suggestions included', async () => {
      const { messages, pkg } = await publint({ pkgDir: packageFolder, level: 'suggestion', strict: true, pack: 'npm' });
      assert.deepEqual(messages.map((message) => formatMessage(message, pkg, { color: false })), []);
    });

    it('arethetypeswrong reports nothing for an ESM-only package', async () => {
      // Packed here without scripts: `attw --pack` would run `prepare`, a build the staged folder (no node_modules) cannot do.
      const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', root], packageFolder);
      assert.equal(packed.code, 0, packed.stderr);
      const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
      const outcome = await run(bin('attw'), [join(root, filename), '--profile', 'esm-only', '--no-definitely-typed', '--no-color']);
      assert.equal(outcome.code, 0, `${outcome.stdout}\n${outcome.stderr}`);
    });
  });

  describe('a TypeScript consumer of the built package', () => {
    const consumer = join(root, 'consumer');
    const withoutReact = join(root, 'consumer-without-react');
    let checks: Record<'bundler' | 'node16' | 'withoutReact' | 'vue' | 'svelte', Promise<Outcome>>;
    const typeCheck = (folder: string, config: string) => run(process.execPath, [TSC, '-p', config, '--pretty', 'false'], folder);
    const assertClean = async (check: Promise<Outcome>) => {
      const { code, stdout, stderr } = await check;
      assert.equal(code, 0, `${stdout}${stderr}`);
    };

    before(() => {
      for (const [folder, without] of [
        [consumer, []],
        [withoutReact, REACT_PACKAGES],
      ] as const) {
        cpSync(CONSUMER_FIXTURE, folder, { recursive: true });
        installPackage(folder, packageFolder, files, { without });
      }
      // Independent compilers: side by side they take half the time on two cores. Solid's and
      // Preact's JSX share the bundler and node16 programs (each file names its JSX runtime);
      // Vue and Svelte templates need their own checkers.
      checks = {
        bundler: typeCheck(consumer, 'tsconfig.bundler.json'),
        node16: typeCheck(consumer, 'tsconfig.node16.json'),
        withoutReact: typeCheck(withoutReact, 'tsconfig.no-react.json'),
        vue: run(bin('vue-tsc'), ['-p', 'tsconfig.vue.json', '--pretty', 'false'], consumer),
        svelte: run(bin('svelte-check'), ['--tsconfig', 'tsconfig.svelte.json', '--output', 'machine', '--fail-on-warnings'], consumer),
      };
    });

    for (const resolution of ['bundler', 'node16'] as const) {
      it(`type-checks the element, its events, the React wrapper, React's, Solid's and Preact's JSX under moduleResolution ${resolution}`, () =>
        assertClean(checks[resolution]));
    }

    it("type-checks <jwt-login> in a Vue template with vue-tsc (jwt-login-widget/vue: Vue's GlobalComponents)", () =>
      assertClean(checks.vue));

    it('type-checks <jwt-login> in a Svelte 5 component with svelte-check (jwt-login-widget/svelte: svelte/elements)', () =>
      assertClean(checks.svelte));

    it('type-checks the element without React or its types installed', async () => {
      const fromPackage = createRequire(join(withoutReact, 'node_modules', 'jwt-login-widget', 'package.json'));
      assert.throws(() => fromPackage.resolve('@types/react/package.json'), /Cannot find module/);
      await assertClean(checks.withoutReact);
    });
  });
});
