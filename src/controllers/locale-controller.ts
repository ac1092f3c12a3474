import { isServer, type ReactiveControllerHost } from 'lit';
import {
  isRightToLeft,
  isWidgetLocaleLoaded,
  loadWidgetLocale,
  onWidgetDefaultLocale,
  renderIn,
  resolveLocale,
  widgetDefaultLocale,
} from '../localization.js';
import { DomFollowingController } from './dom-following-controller.js';

/**
 * The element's language: its own `lang`, else the nearest ancestor's (across shadow
 * roots), else the document's, else the widgets' default (`setWidgetLocale`, `en`); read
 * when the element connects, so the first render already has it, and followed as any
 * `lang` changes. Each widget renders in its own locale: the texts of a render are read
 * in the host's `render()`, between this controller's `hostUpdate` and `hostUpdated`.
 * Until a locale's texts are loaded the element keeps the language it showed, or at first
 * shows no texts at all (`hasTexts`), never English in their place, and renders once they arrive (the npm and split builds load them
 * on demand; the single-file bundle has them all, within the same task, before anything is
 * painted). If they fail to come, English stands in. Uncontrolled inputs keep what was typed.
 */
export class LocaleController extends DomFollowingController {
  /** The language tag as written (`de-AT`), for dates and numbers. */
  tag = 'en';
  /** The supported locale nearest to it (`de`), for texts. */
  locale = 'en';
  rtl = false;
  /** A locale whose texts did not arrive: English stands in. */
  #fellBack: string | undefined;
  /** The locale of the last render whose texts were here: kept while another one's are on their way. */
  #rendered: string | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    super(host);
    // A server render has no DOM to follow and never connects: the widgets' default language
    // (`setWidgetLocale` on the server), which the page's `lang` should match for hydration.
    if (isServer) this.#adopt(widgetDefaultLocale());
  }

  override hostConnected(): void {
    this.#unsubscribe = onWidgetDefaultLocale(() => this.follow());
    super.hostConnected();
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  hostUpdate(): void {
    if (this.ready) this.#rendered = this.locale;
    renderIn(this.#rendered ?? this.locale);
  }

  hostUpdated(): void {
    renderIn(undefined);
  }

  protected observe(observer: MutationObserver): void {
    // The host and every ancestor in the document; a host inside a shadow root watches itself too.
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
  }

  protected follow(): void {
    this.#adopt(nearestLang(this.host) ?? widgetDefaultLocale());
  }

  #adopt(lang: string): void {
    const tag = canonical(lang);
    if (tag === this.tag && this.locale === resolveLocale(tag)) return;
    this.tag = tag;
    this.locale = resolveLocale(tag);
    this.rtl = isRightToLeft(this.locale);
    this.host.requestUpdate();
    if (isWidgetLocaleLoaded(this.locale)) return;
    void this.loaded();
  }

  /** Whether the element has texts to show: its language's, or, while those are on their way, the last ones it showed. */
  get hasTexts(): boolean {
    return this.ready || this.#rendered !== undefined;
  }

  /** Whether the texts of the element's language are here (or failed to come, and English stands in). */
  get ready(): boolean {
    return isWidgetLocaleLoaded(this.locale) || this.#fellBack === this.locale;
  }

  /** Resolves once the texts of the element's language are here, or English stands in for them. */
  async loaded(): Promise<void> {
    const wanted = this.locale;
    if (isWidgetLocaleLoaded(wanted)) return;
    await loadWidgetLocale(wanted);
    if (!isWidgetLocaleLoaded(wanted)) this.#fellBack = wanted;
    if (this.locale === wanted) this.host.requestUpdate();
  }
}

/** The `lang` of the element or its nearest ancestor, crossing shadow roots; `undefined` when none says. */
function nearestLang(element: Element): string | undefined {
  let node: Element | null = element;
  while (node) {
    const owner: Element | null = node.closest('[lang]');
    const lang = owner?.getAttribute('lang');
    if (lang) return lang;
    // lang="" says "unknown": ask further up, past the shadow root when there is one.
    const parent: Element | null = owner?.parentElement ?? null;
    const root = (owner ?? node).getRootNode();
    node = parent ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return undefined;
}

/** The tag in canonical form, or `en` for one that Intl would refuse (it throws on malformed tags). */
function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
