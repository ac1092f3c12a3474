/**
 * Localization setup for <jwt-login>, with @lit/localize in its reentrant mode: every
 * widget renders in its own language, so two widgets with different `lang` on one page
 * each speak theirs. Each widget's LocaleController names its locale while the widget
 * renders (`renderIn`); `msg` asks for it before every text.
 *
 * Importing the library never configures localization: `configureReentrantLocalization`
 * can be called only once per page (it throws the second time), and the page may already
 * use @lit/localize for its own elements. So:
 *
 * - The widget configures it when the first widget connects; the single-file bundle
 *   passes all five locales inlined (src/bundle-locales.ts), the npm build loads a locale
 *   when a widget first needs it.
 * - An app that already uses @lit/localize configures it before the widget connects: the
 *   widget then stands aside and its texts follow the app's locale (one per page). The app
 *   adds our `xliff/*.xlf` (ids `jwt-login.*`) to its own lit-localize build.
 */
import type { LocaleModule } from '@lit/localize';
import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';
import { allLocales, sourceLocale, targetLocales } from './generated/locale-codes.js';

type TargetLocale = (typeof targetLocales)[number];

/** Loads a locale's templates; called only with a code from `targetLocales`. */
export type LocaleLoader = (locale: string) => Promise<LocaleModule>;

/**
 * `undefined`: not configured yet; `'widget'`: configured here, per widget; `'page'`: the
 * page configured @lit/localize itself before us, so the locale is the page's to set.
 */
let mode: 'widget' | 'page' | undefined;
let loadLocale: LocaleLoader;
const loaded = new Map<string, LocaleModule>();
const loading = new Map<string, Promise<void>>();
/** The locale of widgets with no `lang` around them, and of texts read outside a render. */
let defaultLocale: string = sourceLocale;
/** The locale of the widget rendering now; set and cleared around each render. */
let rendering: string | undefined;
const defaultListeners = new Set<() => void>();

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
 * Configures @lit/localize with `loader`, unless something already did (this module or
 * the page). Returns whether the widget's own localization is in charge. Internal: the
 * bundle calls it with its inlined locales.
 *
 * @internal
 */
export function installLocalization(loader: LocaleLoader): boolean {
  if (mode === undefined) {
    try {
      configureReentrantLocalization({
        sourceLocale,
        targetLocales: [...targetLocales],
        getLocale: () => rendering ?? defaultLocale,
        loadLocaleSync: (locale) => loaded.get(locale),
      });
      mode = 'widget';
      loadLocale = loader;
    } catch {
      // @lit/localize throws before changing any state when the page configured it already.
      mode = 'page';
    }
  }
  return mode === 'widget';
}

/**
 * Loads the texts of `locale` (a supported code) once; resolves when they can be
 * rendered. Resolves at once for English, and when the page manages @lit/localize.
 *
 * @internal
 */
export function loadWidgetLocale(locale: string): Promise<void> {
  if (!installLocalization(loadLazily) || locale === sourceLocale || loaded.has(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = loadLocale(locale).then(
      (module) => void loaded.set(locale, module),
      (error: unknown) => {
        loading.delete(locale);
        console.warn(`<jwt-login>: the ${locale} texts did not load; showing English.`, error);
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** Whether `locale`'s texts render now (English always does). @internal */
export function isWidgetLocaleLoaded(locale: string): boolean {
  return mode === 'page' || locale === sourceLocale || loaded.has(locale);
}

/**
 * Names the locale of the widget about to render (`undefined` after it rendered), so
 * every `msg` of that render speaks its language. @internal
 */
export function renderIn(locale: string | undefined): void {
  rendering = locale;
}

/** The locale of widgets that have no `lang` on themselves or any ancestor. @internal */
export function widgetDefaultLocale(): string {
  return defaultLocale;
}

/** Calls `listener` when the default locale changes; returns the unsubscribe. @internal */
export function onWidgetDefaultLocale(listener: () => void): () => void {
  defaultListeners.add(listener);
  return () => defaultListeners.delete(listener);
}

/**
 * Configures localization for the widget, once per page. With `lang`, also sets the
 * default language (see `setWidgetLocale`) and resolves when its texts are loaded.
 */
export function initLocalization(options: { lang?: string } = {}): Promise<void> {
  installLocalization(loadLazily);
  return options.lang === undefined ? Promise.resolve() : setWidgetLocale(options.lang);
}

/**
 * Loads the supported locale nearest to `lang` (any BCP 47 tag: `de-AT` → `de`, `pt` →
 * `en`) and makes it the language of widgets with no `lang` on themselves or any ancestor
 * (the document's included). Resolves when its texts are loaded. To switch one widget, set
 * its `lang`; a no-op when the page manages @lit/localize itself.
 */
export function setWidgetLocale(lang: string): Promise<void> {
  const locale = resolveLocale(lang);
  const ready = loadWidgetLocale(locale);
  if (mode === 'widget' && locale !== defaultLocale) {
    defaultLocale = locale;
    for (const listener of defaultListeners) listener();
  }
  return ready;
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
