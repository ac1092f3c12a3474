/**
 * Localization setup for <jwt-login>, in @lit/localize's runtime mode.
 *
 * Importing the library never configures localization: `configureLocalization` can be
 * called only once per page (it throws the second time), and the page may already use
 * @lit/localize for its own elements. So:
 *
 * - The single-file bundle configures it on load, with all five locales inlined
 *   (src/bundle-locales.ts).
 * - An app using the npm build calls `initLocalization()` (or just `setWidgetLocale()`)
 *   once; the locales are then loaded on demand.
 * - An app that already uses @lit/localize must NOT call `initLocalization` or
 *   `setWidgetLocale` to switch languages: the page has one localization, the app's.
 *   It adds our `xliff/*.xlf` (ids `jwt-login.*`) to its own lit-localize build and
 *   switches locales with its own `setLocale`. Should our init run anyway, it notices
 *   that the app configured localization first and stands aside.
 */
import { configureLocalization, type LocaleModule } from '@lit/localize';
import { allLocales, sourceLocale, targetLocales } from './generated/locale-codes.js';

type TargetLocale = (typeof targetLocales)[number];

/** Loads a locale's templates; called only with a code from `targetLocales`. */
export type LocaleLoader = (locale: string) => Promise<LocaleModule>;

interface LocalizationControls {
  getLocale(): string;
  setLocale(locale: string): Promise<void>;
}

/**
 * The one guard around `configureLocalization`, shared by `initLocalization` and the
 * bundle. `undefined`: not configured yet; `null`: the page configured @lit/localize
 * itself before us, so the locale is the page's to set.
 */
let controls: LocalizationControls | null | undefined;

// One explicit import per locale rather than a template-literal import: every bundler
// splits these into on-demand chunks, and the type makes a new target locale without
// a loader a compile error.
const lazyLocales: Record<TargetLocale, () => Promise<LocaleModule>> = {
  ar: () => import('./generated/locales/ar.js'),
  de: () => import('./generated/locales/de.js'),
  es: () => import('./generated/locales/es.js'),
  fr: () => import('./generated/locales/fr.js'),
};

const loadLazily: LocaleLoader = (locale) => lazyLocales[locale as TargetLocale]();

/**
 * Configures @lit/localize with `loadLocale`, unless something already did (this module
 * or the page). Internal: the bundle calls it with its inlined locales.
 *
 * @internal
 */
export function installLocalization(loadLocale: LocaleLoader): LocalizationControls | null {
  if (controls !== undefined) return controls;
  try {
    controls = configureLocalization({ sourceLocale, targetLocales, loadLocale });
  } catch {
    // @lit/localize throws before changing any state when the page configured it already.
    controls = null;
  }
  return controls;
}

/**
 * Configures localization for the widget, once per page; later calls only set the
 * locale. With `lang`, switches to the nearest supported locale and resolves when its
 * texts are loaded.
 */
export function initLocalization(options: { lang?: string } = {}): Promise<void> {
  installLocalization(loadLazily);
  return options.lang === undefined ? Promise.resolve() : setWidgetLocale(options.lang);
}

/**
 * Shows the widget in the supported locale nearest to `lang` (any BCP 47 tag:
 * `de-AT` → `de`, `pt` → `en`), initializing localization first if needed. Resolves when
 * the locale's texts are loaded; a no-op when it is already that locale, and when the
 * page manages @lit/localize itself.
 */
export function setWidgetLocale(lang: string): Promise<void> {
  const active = installLocalization(loadLazily);
  if (!active) return Promise.resolve();
  // @lit/localize's setLocale is itself a no-op for the active (or loading) locale.
  return active.setLocale(resolveLocale(lang));
}

/**
 * The supported locale for a BCP 47 tag, case-insensitively: the tag itself, else its
 * shorter prefixes (`de-AT` → `de`, `ar-EG` → `ar`), else the source locale, `en`.
 */
export function resolveLocale(tag: string | null | undefined): string {
  const supported = new Map<string, string>(allLocales.map((code) => [normalize(code), code]));
  let candidate = normalize(tag ?? '');
  while (candidate) {
    const match = supported.get(candidate);
    if (match) return match;
    const cut = candidate.lastIndexOf('-');
    candidate = cut > 0 ? candidate.slice(0, cut) : '';
  }
  return sourceLocale;
}

const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur']);

/** Whether a locale (or any BCP 47 tag) is written right to left. */
export function isRightToLeft(locale: string): boolean {
  return RIGHT_TO_LEFT.has(normalize(locale).split('-')[0]!);
}

/** Lower case with `-` separators: `zh_CN`, `ZH-cn` → `zh-cn`. */
function normalize(tag: string): string {
  return tag.trim().toLowerCase().replaceAll('_', '-');
}
