import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionSource } from '../bridges/session-source.js';
import { LazyModuleController } from './lazy-module-controller.js';

/** The element's side: its `connect` attribute, and itself as the bridges' session source. */
export interface ExplorerConnectionHost extends ReactiveControllerHost, SessionSource, Pick<Element, 'isConnected'> {
  /** `true`, `""` or `auto`: every explorer; else a CSS selector; `false`, `null`, `undefined`: none. */
  readonly connect?: string | boolean | null;
}

interface Connection {
  value: string;
  disconnect?: () => void;
}

/**
 * `<jwt-login connect>`: connects the page's API explorers while the attribute is set and the
 * element is on the page. The connector and the bridges are a chunk of their own (split
 * build), loaded only when the attribute is used.
 */
export class ExplorerConnectionController implements ReactiveController {
  readonly #host: ExplorerConnectionHost;
  readonly #connector: LazyModuleController<typeof import('../bridges/connect-explorers.js')>;
  /** What is connected now: the attribute's value, and the disconnect once the connector has run. */
  #current: Connection | undefined;

  constructor(host: ExplorerConnectionHost) {
    this.#host = host;
    this.#connector = new LazyModuleController(host, () => import('../bridges/connect-explorers.js'), { preload: false });
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdated(): void {
    // Lit still updates a host that has left the page (an update it asked for earlier): such an
    // update must not connect again, or the connector would outlive the element.
    if (this.#host.isConnected) this.#follow();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #follow(): void {
    // A framework that sets properties (React 19 for a bare `connect` in JSX) gives a boolean.
    const { connect } = this.#host;
    const value = connect === true ? '' : typeof connect === 'string' ? connect : undefined;
    if (value === this.#current?.value) return;
    this.#stop();
    if (value === undefined) return;
    const current: Connection = (this.#current = { value });
    const select = value.trim() === '' || value.trim() === 'auto' ? undefined : value;
    this.#connector.load().then(
      ({ connectExplorers }) => {
        if (this.#current === current) current.disconnect = connectExplorers(this.#host, { select });
      },
      () => {
        // Asked for again at the next update.
        if (this.#current === current) this.#current = undefined;
        console.warn('<jwt-login>: the explorer connector did not load; no explorer is connected.');
      },
    );
  }

  #stop(): void {
    this.#current?.disconnect?.();
    this.#current = undefined;
  }
}
