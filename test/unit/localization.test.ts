import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { allLocales, targetLocales } from '../../src/generated/locale-codes.js';
import { isRightToLeft, resolveLocale } from '../../src/localization.js';

const root = join(import.meta.dirname, '..', '..');

describe('resolveLocale', () => {
  it('keeps a supported locale', () => {
    for (const locale of allLocales) assert.equal(resolveLocale(locale), locale);
  });

  it('maps a regional tag to its language', () => {
    assert.equal(resolveLocale('de-AT'), 'de');
    assert.equal(resolveLocale('ar-EG'), 'ar');
    assert.equal(resolveLocale('fr-CA'), 'fr');
    assert.equal(resolveLocale('es-419'), 'es');
    assert.equal(resolveLocale('en-GB'), 'en');
    assert.equal(resolveLocale('de-Latn-CH-1996'), 'de');
  });

  it('ignores case, underscores and surrounding spaces', () => {
    assert.equal(resolveLocale('DE'), 'de');
    assert.equal(resolveLocale('Ar-eg'), 'ar');
    assert.equal(resolveLocale('es_MX'), 'es');
    assert.equal(resolveLocale(' fr '), 'fr');
  });

  it('falls back to English for an unsupported or missing language', () => {
    assert.equal(resolveLocale('pt'), 'en');
    assert.equal(resolveLocale('pt-BR'), 'en');
    assert.equal(resolveLocale('zh-Hant-TW'), 'en');
    assert.equal(resolveLocale(''), 'en');
    assert.equal(resolveLocale(null), 'en');
    assert.equal(resolveLocale(undefined), 'en');
  });

  it('does not take a language for another that starts with the same letters', () => {
    assert.equal(resolveLocale('arn'), 'en');
    assert.equal(resolveLocale('des'), 'en');
    assert.equal(resolveLocale('frr-DE'), 'en');
  });

  it('always returns a supported locale', () => {
    fc.assert(
      fc.property(fc.string(), (tag) => {
        assert.ok((allLocales as readonly string[]).includes(resolveLocale(tag)));
      }),
    );
  });
});

describe('isRightToLeft', () => {
  it('is true for Arabic, Hebrew, Persian and Urdu, with or without a region', () => {
    for (const tag of ['ar', 'ar-EG', 'AR', 'he', 'he-IL', 'fa', 'fa-IR', 'ur', 'ur_PK']) {
      assert.equal(isRightToLeft(tag), true, tag);
    }
  });

  it('is false for left-to-right languages', () => {
    for (const tag of ['en', 'de', 'fr', 'es', 'de-AT', 'arn', 'her', '']) {
      assert.equal(isRightToLeft(tag), false, tag);
    }
  });
});

interface Unit {
  id: string;
  source: string;
  target: string | undefined;
}

/** The trans-units of an XLIFF 1.2 file as lit-localize writes it. */
function readXliff(path: string): { targetLanguage: string | undefined; units: Unit[] } {
  const xml = readFileSync(path, 'utf8');
  const targetLanguage = /<file\b[^>]*\btarget-language="([^"]+)"/.exec(xml)?.[1];
  const units = [...xml.matchAll(/<trans-unit\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => ({
    id: id!,
    source: /<source>([\s\S]*?)<\/source>/.exec(body!)?.[1] ?? '',
    target: /<target>([\s\S]*?)<\/target>/.exec(body!)?.[1],
  }));
  return { targetLanguage, units };
}

const placeholders = (text: string) => (text.match(/<x\b[^>]*\/>|<ph\b[^>]*>[\s\S]*?<\/ph>/g) ?? []).sort();
const visibleText = (text: string) => text.replace(/<x\b[^>]*\/>|<ph\b[^>]*>[\s\S]*?<\/ph>/g, '').replace(/[\s\u2066-\u2069]/g, '');

/** The ids of every msg call in src/, outside the generated modules. */
function sourceIds(): Set<string> {
  const ids = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'generated') walk(path);
      } else if (entry.name.endsWith('.ts')) {
        for (const [, id] of readFileSync(path, 'utf8').matchAll(/\bid:\s*'(jwt-login\.[^']+)'/g)) ids.add(id!);
      }
    }
  };
  walk(join(root, 'src'));
  return ids;
}

describe('translations', () => {
  const files = readdirSync(join(root, 'xliff')).filter((name) => name.endsWith('.xlf'));

  it('has one XLIFF file per target locale', () => {
    assert.deepEqual(files.map((name) => name.replace(/\.xlf$/, '')).sort(), [...targetLocales].sort());
  });

  for (const file of files) {
    const locale = file.replace(/\.xlf$/, '');
    const { targetLanguage, units } = readXliff(join(root, 'xliff', file));

    describe(file, () => {
      it('is for its locale', () => {
        assert.equal(targetLanguage, locale);
      });

      it('has a message for every id in the source, and no other', () => {
        assert.deepEqual(units.map((unit) => unit.id).sort(), [...sourceIds()].sort());
      });

      it('has a non-empty target for every unit', () => {
        const missing = units.filter((unit) => unit.target === undefined || visibleText(unit.target) === '');
        assert.deepEqual(missing.map((unit) => unit.id), []);
      });

      it('keeps every placeholder of the source in the target, exactly once', () => {
        for (const unit of units) {
          assert.deepEqual(placeholders(unit.target ?? ''), placeholders(unit.source), unit.id);
        }
      });

      it('is built into src/generated', () => {
        const generated = readFileSync(join(root, 'src', 'generated', 'locales', `${locale}.ts`), 'utf8');
        const keys = [...generated.matchAll(/^\s*'(jwt-login\.[^']+)':/gm)].map(([, id]) => id);
        assert.deepEqual(keys.sort(), units.map((unit) => unit.id).sort());
      });
    });
  }
});

describe('per-element texts', () => {
  // The forms' table and the signed-in view's (a chunk of its own).
  const tables = [
    ['messages.ts', 'const DEFAULTS = {'],
    ['session-texts.ts', 'export const SESSION_TEXTS = {'],
  ].map(([file, start]) => {
    const source = readFileSync(join(root, 'src', 'components', 'login', file!), 'utf8');
    return source.slice(source.indexOf(start!), source.indexOf('\n};\n', source.indexOf(start!)));
  });
  const entries = tables.flatMap((table) =>
    [...table.matchAll(/\n {2}'([\w.-]+)':[\s\S]*?\bid: '([^']+)'/g)].map(([, key, id]) => ({ key: key!, id: id! })),
  );

  it('has one default per msg id, keyed by the id without jwt-login.', () => {
    assert.deepEqual(entries.filter(({ key, id }) => id !== `jwt-login.${key}`), []);
    assert.deepEqual(entries.map(({ id }) => id).sort(), [...sourceIds()].sort());
  });

  it('names every text key in the README, and no other', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Texts\n'), readme.indexOf('\n## ', readme.indexOf('\n## Texts\n') + 1));
    const listed = [...section.matchAll(/^- [^:]+: (.*)$/gm)].flatMap(([, keys]) => [...keys!.matchAll(/`([\w.-]+)`/g)].map(([, key]) => key!));
    assert.deepEqual([...listed].sort(), entries.map(({ key }) => key).sort());
  });
});
