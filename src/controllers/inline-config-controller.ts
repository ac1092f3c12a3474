import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where a page writes the API configuration without a script: a child `<script type="application/json">`. */
const INLINE_CONFIG = ':scope > script[type="application/json"]';

/**
 * The JSON text of the element's child `<script type="application/json">`, followed as the
 * page adds, edits or removes it (a framework may render it after the element). Such a
 * script never runs, so a strict CSP allows it.
 */
export class InlineConfigController implements ReactiveController {
  /** The script's text, or `undefined` when there is none. */
  text: string | undefined;
  #observer: MutationObserver | undefined;

  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new MutationObserver(() => this.#read());
    this.#observer.observe(this.#host, { childList: true, subtree: true, characterData: true });
    this.#read();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #read(): void {
    const text = this.#host.querySelector(INLINE_CONFIG)?.textContent ?? undefined;
    if (text === this.text) return;
    this.text = text;
    this.#host.requestUpdate();
  }
}
