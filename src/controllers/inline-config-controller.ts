import { DomFollowingController } from './dom-following-controller.js';

/** Where a page writes the API configuration without a script: a child `<script type="application/json">`. */
const INLINE_CONFIG = ':scope > script[type="application/json"]';

/**
 * The JSON text of the element's child `<script type="application/json">`, followed as the
 * page adds, edits or removes it (a framework may render it after the element). Such a
 * script never runs, so a strict CSP allows it.
 */
export class InlineConfigController extends DomFollowingController {
  /** The script's text, or `undefined` when there is none. */
  text: string | undefined;

  protected observe(observer: MutationObserver): void {
    observer.observe(this.host, { childList: true, subtree: true, characterData: true });
  }

  protected follow(): void {
    const text = this.host.querySelector(INLINE_CONFIG)?.textContent ?? undefined;
    if (text === this.text) return;
    this.text = text;
    this.host.requestUpdate();
  }
}
