// @custom-elements-manifest/analyzer: the manifest of the public API, from the JSDoc tags in src/,
// and from it the editors' data and the frameworks' types in dist/ (scripts/build/framework-types.mjs).
import { customElementDeclarations, writeEditorAndFrameworkTypes } from './scripts/build/framework-types.mjs';

/**
 * Where the editors' data and the frameworks' types go: dist/ for `npm run analyze`; the package
 * tests build into a temp folder and name it here (the analyzer gives its plugins no folder).
 */
export const TYPES_OUTDIR_VARIABLE = 'JWT_LOGIN_TYPES_OUTDIR';

/** HTMLElement's own properties that the element documents with a class-level `@attr`. */
const INHERITED_ATTRIBUTES = { lang: 'string' };

/**
 * The event classes of src/events: `class LoginEvent extends CustomEvent<TokenSet>` whose
 * constructor calls `super('login', …)`, by event name.
 */
function collectEventClass(ts, node, eventClasses) {
  if (!ts.isClassDeclaration(node) || !node.name) return;
  const base = node.heritageClauses?.flatMap((clause) => clause.types).find((type) => type.expression.getText() === 'CustomEvent');
  const detail = base?.typeArguments?.[0];
  const constructor = node.members.find(ts.isConstructorDeclaration);
  const superCall = constructor?.body?.statements
    .map((statement) => (ts.isExpressionStatement(statement) ? statement.expression : undefined))
    .find((expression) => expression && ts.isCallExpression(expression) && expression.expression.kind === ts.SyntaxKind.SuperKeyword);
  const [name] = superCall?.arguments ?? [];
  if (detail && name && ts.isStringLiteral(name)) eventClasses.set(name.text, { eventClass: node.name.text, detail: detail.getText() });
}

const eventClasses = new Map();

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/generated/**', 'src/bundle.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // Events are documented with @fires; the analyzer also guesses events from
      // `dispatchEvent(new LoginErrorEvent(detail))` calls, naming them after the argument.
      name: 'keep-documented-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name && event.description);
          }
        }
      },
    },
    {
      // `@fires login - …` carries no type; the event classes in src/events name it.
      name: 'event-types',
      collectPhase({ ts, node }) {
        collectEventClass(ts, node, eventClasses);
      },
      packageLinkPhase({ customElementsManifest }) {
        for (const element of customElementDeclarations(customElementsManifest)) {
          for (const event of element.events ?? []) {
            const known = eventClasses.get(event.name);
            if (known) event.type = { text: known.eventClass };
          }
        }
      },
    },
    {
      // An `@attr` on the class has no field; the inherited property it sets is the field.
      name: 'inherited-attributes',
      packageLinkPhase({ customElementsManifest }) {
        for (const element of customElementDeclarations(customElementsManifest)) {
          for (const attribute of element.attributes ?? []) {
            const type = INHERITED_ATTRIBUTES[attribute.name];
            if (type && !attribute.fieldName) Object.assign(attribute, { fieldName: attribute.name, type: { text: type } });
          }
        }
      },
    },
    {
      name: 'editor-and-framework-types',
      packageLinkPhase({ customElementsManifest }) {
        const detailTypes = new Map([...eventClasses].map(([name, { detail }]) => [name, detail]));
        writeEditorAndFrameworkTypes(customElementsManifest, process.env[TYPES_OUTDIR_VARIABLE] ?? 'dist', detailTypes);
      },
    },
  ],
};
