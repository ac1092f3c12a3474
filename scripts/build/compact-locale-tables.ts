/**
 * The single-file bundle inlines every locale table lit-localize generated
 * (`export const templates = { 'jwt-login.error.config': str`…`, … }`), so each message id
 * appears once per locale. This plugin writes each table as an array of its values, in the
 * order of one shared id list, and builds the same object when the module loads:
 * same keys, same values (in the same order, as lit-localize sorts its tables), each id
 * shipped once.
 *
 * A table that is not a plain object literal with literal keys is left as it is.
 *
 * Ours, not a library's: neither lit-localize nor a minifier shares keys across modules
 * (a minifier cannot know that the tables' ids are data, read back only as these keys).
 * The edits and their source map are magic-string's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { Node } from './ast.js';
import MagicString from 'magic-string';

const VIRTUAL_ID = 'virtual:jwt-login-locale-ids';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

interface Entry {
  id: string;
  property: Node;
  value: Node;
}

/** The entries of `export const templates = { … }`, or undefined when it has another shape. */
function tableEntries(program: Node): { table: Node; entries: Entry[] } | undefined {
  for (const statement of program['body'] as Node[]) {
    const declaration = statement['declaration'] as Node | null | undefined;
    if (statement.type !== 'ExportNamedDeclaration' || declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration['declarations'] as Node[]) {
      const name = (declarator['id'] as { name?: string }).name;
      const table = declarator['init'] as Node | null;
      if (name !== 'templates' || table?.type !== 'ObjectExpression') continue;
      const entries: Entry[] = [];
      for (const property of table['properties'] as Node[]) {
        const key = property['key'] as Node & { value?: unknown; name?: string };
        if (property.type !== 'Property' || property['computed'] || property['kind'] !== 'init' || property['method']) {
          return undefined;
        }
        const id = key.type === 'Literal' && typeof key.value === 'string' ? key.value : key.type === 'Identifier' ? key.name : undefined;
        if (id === undefined || property['shorthand']) return undefined;
        entries.push({ id, property, value: property['value'] as Node });
      }
      return { table, entries };
    }
  }
  return undefined;
}

/** The shared prefix of all ids, up to and including its last `.`: `jwt-login.`. */
function commonPrefix(ids: readonly string[]): string {
  if (ids.length === 0) return '';
  let prefix = ids[0]!;
  for (const id of ids) while (!id.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.slice(0, prefix.lastIndexOf('.') + 1);
}

/** @param localesDir the folder of lit-localize's generated locale modules */
export function compactLocaleTables(localesDir: string): Plugin {
  let ids: string[] = [];
  const isLocaleModule = (id: string) => id.startsWith(join(localesDir, '/')) && /\.[jt]s$/.test(id);

  return {
    name: 'jwt-login:compact-locale-tables',
    apply: 'build',
    buildStart() {
      // The union of every table's ids, in order of first appearance (lit-localize sorts them).
      const union = new Set<string>();
      for (const name of readdirSync(localesDir).filter((file) => /\.[jt]s$/.test(file)).sort()) {
        const file = join(localesDir, name);
        const found = tableEntries(this.parse(readFileSync(file, 'utf8'), { lang: 'ts' }) as unknown as Node);
        for (const entry of found?.entries ?? []) union.add(entry.id);
      }
      ids = [...union];
    },
    resolveId(source) {
      return source === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      const prefix = commonPrefix(ids);
      const list = ids.map((id) => id.slice(prefix.length));
      if (list.some((id) => id.includes(','))) throw new Error('compact-locale-tables: an id contains a comma');
      return [
        `const ids = ${JSON.stringify(list.join(','))}.split(',');`,
        // forEach skips the holes a table leaves for ids it does not translate.
        `export const __localeTable = (values) => {`,
        `  const templates = {};`,
        `  values.forEach((value, index) => { templates[${JSON.stringify(prefix)} + ids[index]] = value; });`,
        `  return templates;`,
        `};`,
      ].join('\n');
    },
    transform(code, id) {
      if (!isLocaleModule(id)) return null;
      const found = tableEntries(this.parse(code, { lang: 'ts' }) as unknown as Node);
      if (!found || found.entries.length === 0) return null;
      const indices = found.entries.map((entry) => ids.indexOf(entry.id));
      // In place when the table follows the shared order (the map stays exact), else rewritten whole.
      const inOrder = indices.every((index, position) => index >= 0 && (position === 0 || index > indices[position - 1]!));
      const { table } = found;
      if (code[table.start] !== '{' || code[table.end - 1] !== '}') throw new Error(`compact-locale-tables: unexpected span in ${id}`);
      const edited = new MagicString(code);
      if (inOrder) {
        edited.overwrite(table.start, table.start + 1, '__localeTable([');
        let next = 0;
        found.entries.forEach((entry, position) => {
          // A hole (`,`) for each id this table lacks, then the value without its key.
          const holes = ','.repeat(indices[position]! - next);
          if (holes) edited.overwrite(entry.property.start, entry.value.start, holes);
          else edited.remove(entry.property.start, entry.value.start);
          next = indices[position]! + 1;
        });
        edited.overwrite(table.end - 1, table.end, '])');
      } else {
        const values: string[] = [];
        found.entries.forEach((entry) => {
          const index = ids.indexOf(entry.id);
          if (index < 0) throw new Error(`compact-locale-tables: ${entry.id} is missing from the id list`);
          values[index] = code.slice(entry.value.start, entry.value.end);
        });
        edited.overwrite(table.start, table.end, `__localeTable([${Array.from(values, (value) => value ?? '').join(',')}])`);
      }
      edited.append(`\nimport { __localeTable } from '${VIRTUAL_ID}';\n`);
      return { code: edited.toString(), map: edited.generateMap({ hires: true, source: id }) };
    },
  };
}
