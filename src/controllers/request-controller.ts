import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * One request at a time for the whole element: which form's request is in
 * flight (for its busy state), and its abort when the reader cancels or the
 * element leaves the page.
 */
export class RequestController<Key extends string> implements ReactiveController {
  /** The key of the request in flight, or undefined. */
  busy: Key | undefined;
  #inFlight: AbortController | undefined;

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /**
   * Runs `request` unless another one is in flight (then resolves `undefined`
   * without running it). Resolves with its outcome; `aborted` when it was
   * cancelled or the element left the page meanwhile: nothing to report then.
   */
  async run<T>(
    key: Key,
    request: (signal: AbortSignal) => Promise<T>,
  ): Promise<{ value: T; aborted: boolean } | { error: unknown; aborted: boolean } | undefined> {
    if (this.busy) return undefined;
    this.busy = key;
    const inFlight = (this.#inFlight = new AbortController());
    this.#host.requestUpdate();
    try {
      return { value: await request(inFlight.signal), aborted: inFlight.signal.aborted };
    } catch (error) {
      return { error, aborted: inFlight.signal.aborted };
    } finally {
      this.#inFlight = undefined;
      this.busy = undefined;
      this.#host.requestUpdate();
    }
  }

  /** Aborts the request in flight (the reader's Cancel or Escape); its outcome comes back `aborted`. */
  cancel(): void {
    this.#inFlight?.abort(new DOMException('Cancelled', 'AbortError'));
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#inFlight?.abort(new DOMException('The element was removed', 'AbortError'));
  }
}
