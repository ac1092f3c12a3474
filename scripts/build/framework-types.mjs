/**
 * The editors' data and the frameworks' types of the package, written from the Custom Elements
 * Manifest into dist/ by `npm run analyze` (README, "Editors and frameworks' types").
 *
 * Burton Smith's generators write the JetBrains web-types, the VS Code custom data, and the Solid
 * and JSX (Preact) element types. Vue's and Svelte's are written here, after their frameworks'
 * own guides (Vue: "Web Components and TypeScript"; Svelte: augmenting `svelte/elements`), because
 * the generators' do not type-check there: custom-element-vuejs-integration 1.4 declares
 * `DefineComponent<Props>`, whose props Vue 3.5 widens to `unknown` (vue-tsc 3 took
 * `:timeout="'soon'"`), with handlers named `onlogin` that `@login` never finds;
 * custom-element-svelte-integration 1.2 writes Svelte 4's `on:login` into a namespace that is not
 * global and types children with React's `JSX` namespace.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateSolidJsTypes } from 'custom-element-solidjs-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';

/** The folder of the framework types inside the output folder; they import the main entry. */
export const TYPES_FOLDER = 'types';
const MAIN_ENTRY_FROM_TYPES = '../index.js';
const HEADER = '// Generated from custom-elements.json by scripts/build/framework-types.mjs (npm run analyze).';

/** The element classes of a manifest (the declarations with a tag name). */
export function customElementDeclarations(manifest) {
  return manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);
}

/**
 * What the templates need of one element: the properties a page may set (public, writable, with
 * the fields behind inherited attributes such as `lang`), kebab-case attributes and the field each
 * sets, events with their classes.
 */
function elementModel(element) {
  const fields = (element.members ?? []).filter(
    (member) => member.kind === 'field' && !member.static && !member.readonly && (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#'),
  );
  const attributes = (element.attributes ?? []).filter((attribute) => attribute.fieldName);
  return {
    tag: element.tagName,
    className: element.name,
    properties: [...new Set([...fields.map((field) => field.name), ...attributes.map((attribute) => attribute.fieldName)])],
    kebabAttributes: attributes.filter((attribute) => attribute.name !== attribute.fieldName),
    events: (element.events ?? []).map((event) => ({ name: event.name, type: event.type?.text ?? 'CustomEvent' })),
  };
}

const camelCase = (name) => name.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
const quoted = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const propertyNames = ({ className, properties }) => `Partial<Pick<${className}, ${properties.map((name) => `'${name}'`).join(' | ')}>>`;

/** `import type { JwtLogin, LoginEvent, … } from '../index.js'`: the classes the templates name. */
function importElementTypes(models) {
  const names = new Set(models.flatMap(({ className, events }) => [className, ...events.map((event) => event.type)]));
  return `import type { ${[...names].filter((name) => /^[A-Z]\w*$/.test(name) && name !== 'CustomEvent').join(', ')} } from '${MAIN_ENTRY_FROM_TYPES}';`;
}

/** `'base-url'?: JwtLogin['baseUrl']`: each kebab-case attribute, typed as the field it sets. */
const kebabAttributes = (model, indent) =>
  model.kebabAttributes.map((attribute) => `${indent}'${attribute.name}'?: ${model.className}['${attribute.fieldName}'];`);

/**
 * Vue: a component type whose `$props` and `$emit` vue-tsc reads for the template. The kebab-case
 * names are needed too: with `base-url="…"` and only `baseUrl` declared, vue-tsc 3 loses the
 * types of every handler of the element.
 */
function vueComponent(model) {
  const handlers = model.events.map((event) => `        on${camelCase(`-${event.name}`)}?: (event: ${event.type}) => void;`);
  const emits = model.events.map((event) => `${quoted(event.name)}: (event: ${event.type}) => void`);
  return [
    `    ${quoted(model.tag)}: new () => ${model.className} & {`,
    '      /** @deprecated For the template type-check only: the element has no `$props`. */',
    `      $props: HTMLAttributes & PublicProps & ${propertyNames(model)} & {`,
    ...kebabAttributes(model, '        '),
    ...handlers,
    '      };',
    '      /** @deprecated For the template type-check only: the element has no `$emit`. */',
    `      $emit: EmitFn<{ ${emits.join('; ')} }>;`,
    '    };',
  ].join('\n');
}

/** Svelte 5: attributes, properties and `on<event>` event attributes of the element. */
function svelteElement(model) {
  const handlers = model.events.map((event) => `      ${quoted(`on${event.name}`)}?: (event: ${event.type}) => void;`);
  return [`    ${quoted(model.tag)}: HTMLAttributes<${model.className}> & ${propertyNames(model)} & {`, ...kebabAttributes(model, '      '), ...handlers, '    };'].join('\n');
}

const FRAMEWORK_TEMPLATES = {
  'vue.d.ts': (models) =>
    [
      HEADER,
      "import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';",
      importElementTypes(models),
      '',
      "declare module 'vue' {",
      '  interface GlobalComponents {',
      ...models.map(vueComponent),
      '  }',
      '}',
    ].join('\n'),
  'svelte.d.ts': (models) =>
    [
      HEADER,
      "import type { HTMLAttributes } from 'svelte/elements';",
      importElementTypes(models),
      '',
      "declare module 'svelte/elements' {",
      '  interface SvelteHTMLElements {',
      ...models.map(svelteElement),
      '  }',
      '}',
    ].join('\n'),
};

/**
 * The frameworks whose generated `CustomElements` (tag name → props) take effect through a module
 * augmentation, written beside them.
 */
const GENERATED_JSX = [
  {
    entry: 'solid.d.ts',
    elements: 'solid-elements',
    generate: generateSolidJsTypes,
    augmentation: "declare module 'solid-js' {\n  namespace JSX {\n    interface IntrinsicElements extends CustomElements {}\n  }\n}",
  },
  {
    entry: 'preact.d.ts',
    elements: 'jsx-elements',
    generate: generateJsxTypes,
    augmentation: "declare module 'preact' {\n  namespace JSX {\n    interface IntrinsicElements extends CustomElements {}\n  }\n}",
  },
];

/**
 * The manifest as the generators read it: they type a handler's event as `CustomEvent<type>`, so
 * there an event's type is its detail, not its class.
 */
function withDetailTypes(manifest, detailTypes) {
  const copy = structuredClone(manifest);
  for (const element of customElementDeclarations(copy)) {
    for (const event of element.events ?? []) {
      if (detailTypes.has(event.name)) event.type = { text: detailTypes.get(event.name) };
    }
  }
  return copy;
}

/**
 * Writes the editors' data into `outdir` and the frameworks' types into `outdir/types`.
 * `detailTypes`: each event's detail type by event name.
 */
export function writeEditorAndFrameworkTypes(manifest, outdir, detailTypes) {
  const generated = withDetailTypes(manifest, detailTypes);
  const types = join(outdir, TYPES_FOLDER);
  mkdirSync(types, { recursive: true });
  const quiet = { hideLogs: true };
  generateJetBrainsWebTypes(generated, { ...quiet, outdir, webTypesFileName: 'web-types.json', packageJson: false });
  generateVsCodeCustomElementData(generated, {
    ...quiet,
    outdir,
    htmlFileName: 'vscode.html-custom-data.json',
    cssFileName: 'vscode.css-custom-data.json',
  });
  for (const { entry, elements, generate, augmentation } of GENERATED_JSX) {
    generate(generated, { ...quiet, outdir: types, fileName: `${elements}.d.ts`, globalTypePath: MAIN_ENTRY_FROM_TYPES });
    writeFileSync(join(types, entry), `${HEADER}\nimport type { CustomElements } from './${elements}.js';\n\n${augmentation}\n`);
  }
  const models = customElementDeclarations(manifest).map(elementModel);
  for (const [file, template] of Object.entries(FRAMEWORK_TEMPLATES)) writeFileSync(join(types, file), `${template(models)}\n`);
}
