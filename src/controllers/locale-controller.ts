import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isRightToLeft, resolveLocale, setWidgetLocale } from '../localization.js';

/**
 * The element's language: its own `lang`, else the nearest ancestor's, else the
 * document's, else `en`; followed as it changes (the element's or the
 * document's `lang`). @lit/localize has one locale per page, so the widget's
 * texts switch for every widget on the page; `@localized()` re-renders them in
 * place, and uncontrolled inputs keep what was typed.
 */
export class LocaleController implements ReactiveController {
  /** The language tag as written (`de-AT`), for dates and numbers. */
  tag = 'en';
  /** The supported locale nearest to it (`de`), for texts. */
  locale = 'en';
  rtl = false;
  #observer: MutationObserver | undefined;

  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new MutationObserver(() => this.#follow());
    this.#observer.observe(this.#host, { attributes: true, attributeFilter: ['lang'] });
    this.#observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.#follow();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #follow(): void {
    const written = this.#host.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
    const tag = canonical(written);
    if (tag === this.tag && this.#observer) {
      // Still the same language; another widget may have switched the page's texts meanwhile.
      void setWidgetLocale(this.locale);
      return;
    }
    this.tag = tag;
    this.locale = resolveLocale(tag);
    this.rtl = isRightToLeft(this.locale);
    void setWidgetLocale(this.locale);
    this.#host.requestUpdate();
  }
}

/** The tag in canonical form, or `en` for one that Intl would refuse (it throws on malformed tags). */
function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
