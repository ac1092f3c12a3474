import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Named countdowns in whole seconds ("Send again in 24 s", a 429's Retry-After).
 * One timer for all of them, ticking only while one runs, released when the
 * host leaves the page.
 */
export class CountdownController implements ReactiveController {
  readonly #deadlines = new Map<string, number>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #now: () => number;

  constructor(host: ReactiveControllerHost, now: () => number = Date.now) {
    this.#host = host;
    this.#now = now;
    host.addController(this);
  }

  /** Starts (or restarts) the countdown `key` at `seconds`. */
  start(key: string, seconds: number): void {
    this.#deadlines.set(key, this.#now() + Math.max(0, seconds) * 1000);
    this.#host.requestUpdate();
    this.#schedule();
  }

  /** Whole seconds left on `key`, 0 when it has run out or never ran. */
  remaining(key: string): number {
    const deadline = this.#deadlines.get(key);
    return deadline === undefined ? 0 : Math.max(0, Math.ceil((deadline - this.#now()) / 1000));
  }

  clear(key: string): void {
    if (this.#deadlines.delete(key)) this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#schedule();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const now = this.#now();
    for (const [key, deadline] of this.#deadlines) if (deadline <= now) this.#deadlines.delete(key);
    if (this.#deadlines.size === 0) return;
    // Wake when the nearest countdown next shows a different number of seconds.
    const delay = Math.min(...[...this.#deadlines.values()].map((deadline) => (deadline - now) % 1000 || 1000));
    this.#timer = setTimeout(() => {
      this.#host.requestUpdate();
      this.#schedule();
    }, delay);
  }
}
