import type { ReactiveController, ReactiveControllerHost } from 'lit';

type IdleHandle = { cancel(): void };

/** Runs `task` when the browser is idle (at the latest after a second), or soon where it has no idle callbacks. */
function whenIdle(task: () => void): IdleHandle {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 1000 });
    return { cancel: () => cancelIdleCallback(id) };
  }
  const id = setTimeout(task, 50);
  return { cancel: () => clearTimeout(id) };
}

/**
 * A part of the element that is not needed for the first form (the signed-in view, the
 * session, the HTTP client): imported once the host has rendered and the browser is idle,
 * or at once when something needs it first (`load()`); the `endpoints` validator only then. In the split build each is a chunk
 * the entry loads itself; the host re-renders when it arrives.
 */
export class LazyModuleController<Module> implements ReactiveController {
  /** The module, once loaded. */
  module: Module | undefined;
  /** Resolves with the module once it is loaded, whoever asked for it. */
  readonly loaded: Promise<Module>;
  #resolveLoaded!: (module: Module) => void;
  #loading: Promise<Module> | undefined;
  #idle: IdleHandle | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #import: () => Promise<Module>;

  readonly #preload: boolean;

  /** With `preload: false` it loads only when asked (`load()`), never ahead of need. */
  constructor(host: ReactiveControllerHost, load: () => Promise<Module>, { preload = true } = {}) {
    this.#host = host;
    this.#import = load;
    this.#preload = preload;
    this.loaded = new Promise((resolve) => (this.#resolveLoaded = resolve));
    host.addController(this);
  }

  /** The module, loading it now if it is not yet. */
  load(): Promise<Module> {
    this.#idle?.cancel();
    this.#loading ??= this.#import().then(
      (module) => {
        this.module = module;
        this.#resolveLoaded(module);
        this.#host.requestUpdate();
        return module;
      },
      (error: unknown) => {
        // A chunk that failed to arrive (offline, a redeploy) is asked for again next time.
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }

  hostUpdated(): void {
    if (!this.#preload || this.#loading || this.#idle) return;
    // Ahead of need: a failure here is retried, and reported, by the load that needs it.
    this.#idle = whenIdle(() => void this.load().catch(() => undefined));
  }

  hostDisconnected(): void {
    this.#idle?.cancel();
    this.#idle = undefined;
  }
}
