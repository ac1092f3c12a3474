import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Milliseconds until a countdown shows something else, from the milliseconds left. */
export type ChangesIn = (remainingMs: number) => number;

const EACH_SECOND: ChangesIn = (remainingMs) => remainingMs % 1000 || 1000;

/**
 * Named countdowns in whole seconds ("Send again in 24 s", a 429's Retry-After, the
 * session's expiry). One timer for all of them, waking only when one shows something
 * else, released when the host leaves the page.
 */
export class CountdownController implements ReactiveController {
  readonly #deadlines = new Map<string, { at: number; changesIn: ChangesIn }>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #now: () => number;

  constructor(host: ReactiveControllerHost, now: () => number = Date.now) {
    this.#host = host;
    this.#now = now;
    host.addController(this);
  }

  /**
   * Starts (or restarts) the countdown `key` at `seconds`. The host re-renders when what it
   * shows changes: each second, unless `changesIn` says when, from the milliseconds left.
   */
  start(key: string, seconds: number, changesIn: ChangesIn = EACH_SECOND): void {
    this.#deadlines.set(key, { at: this.#now() + Math.max(0, seconds) * 1000, changesIn });
    this.#host.requestUpdate();
    this.#schedule();
  }

  /** Whole seconds left on `key`, 0 when it has run out or never ran. */
  remaining(key: string): number {
    const deadline = this.#deadlines.get(key);
    return deadline === undefined ? 0 : Math.max(0, Math.ceil((deadline.at - this.#now()) / 1000));
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
    for (const [key, deadline] of this.#deadlines) if (deadline.at <= now) this.#deadlines.delete(key);
    if (this.#deadlines.size === 0) return;
    // Wake when the first countdown next shows something else.
    const delay = Math.min(...[...this.#deadlines.values()].map(({ at, changesIn }) => changesIn(at - now)));
    this.#timer = setTimeout(() => {
      this.#host.requestUpdate();
      this.#schedule();
    }, delay);
  }
}
