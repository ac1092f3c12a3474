/**
 * The single-file bundle's localization: all five locales inlined, so the bundle stays
 * one self-contained file, and no network request happens on a language switch.
 */
import type { LocaleModule } from '@lit/localize';
import * as ar from './generated/locales/ar.js';
import * as de from './generated/locales/de.js';
import * as es from './generated/locales/es.js';
import * as fr from './generated/locales/fr.js';
import type { targetLocales } from './generated/locale-codes.js';
import { installLocalization, resolveLocale, setWidgetLocale } from './localization.js';

const bundledLocales: Record<(typeof targetLocales)[number], LocaleModule> = { ar, de, es, fr };

/**
 * Configures localization with the inlined locales (through the same guard as
 * `initLocalization`, so it never runs twice) and starts in the document's language.
 * A call, not an import side effect: the bundle entry calls it.
 */
export function installBundledLocales(): Promise<void> {
  installLocalization((locale) => Promise.resolve(bundledLocales[locale as keyof typeof bundledLocales]));
  return setWidgetLocale(resolveLocale(globalThis.document?.documentElement.lang));
}
