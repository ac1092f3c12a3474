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
 * A locale not loaded yet renders in English and re-renders once its texts arrive (the
 * npm build loads them on demand; the single-file bundle has them all, within the same
 * task, before anything is painted). Uncontrolled inputs keep what was typed.
 */
export class LocaleController extends DomFollowingController {
  /** The language tag as written (`de-AT`), for dates and numbers. */
  tag = 'en';
  /** The supported locale nearest to it (`de`), for texts. */
  locale = 'en';
  rtl = false;
  #unsubscribe: (() => void) | undefined;

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
    renderIn(this.locale);
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
    const tag = canonical(nearestLang(this.host) ?? widgetDefaultLocale());
    if (tag === this.tag && this.locale === resolveLocale(tag)) return;
    this.tag = tag;
    this.locale = resolveLocale(tag);
    this.rtl = isRightToLeft(this.locale);
    this.host.requestUpdate();
    if (isWidgetLocaleLoaded(this.locale)) return;
    const wanted = this.locale;
    void loadWidgetLocale(wanted).then(() => {
      if (this.locale === wanted) this.host.requestUpdate();
    });
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
