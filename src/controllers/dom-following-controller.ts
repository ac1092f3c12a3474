import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A controller that reads something from the DOM around its host when the host connects,
 * and again at each change its MutationObserver reports, until the host disconnects.
 * Subclasses say what to watch (`observe`) and what to read (`follow`).
 */
export abstract class DomFollowingController implements ReactiveController {
  #observer: MutationObserver | undefined;

  protected readonly host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new MutationObserver(() => this.follow());
    this.observe(this.#observer);
    this.follow();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  protected abstract observe(observer: MutationObserver): void;

  protected abstract follow(): void;
}
