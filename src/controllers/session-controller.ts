import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PersistMode } from '../core/config.js';
import { SessionManager, type SessionEvents } from '../core/session.js';
import { ElementMemory, type KeyValueStorage, SessionStore } from '../core/session-store.js';
import { browserTabPlatform, type SessionEndReason, TabCoordinator } from '../core/tab-coordinator.js';
import { holdTabPresence } from '../core/tab-presence.js';
import type { TokenSet } from '../core/tokens.js';

export interface SessionSettings {
  /** From `sessionKey()`: which API the session belongs to. */
  key: string;
  persist: PersistMode;
  autoRefresh: boolean;
  refresh(tokens: TokenSet): Promise<TokenSet>;
  /** Whether a refresh can be tried at all: the API has a refresh call, and the tokens have what it sends. */
  refreshable(tokens: TokenSet): boolean;
  /** The preset and tenant the session serves: tokens another configuration requested are refused. */
  configuration: { preset: string; tenant?: string };
}

/** The page's storage for a `persist` mode; undefined for memory, or when the browser refuses it. */
function storageFor(persist: PersistMode): KeyValueStorage | undefined {
  try {
    if (persist === 'local') return globalThis.localStorage;
    if (persist === 'session') return globalThis.sessionStorage;
  } catch {
    // Storage is blocked (sandboxed frame, privacy settings): memory it is.
  }
  return undefined;
}

/** The wake-up calls after which timers may have drifted: a tab shown again, back online, back from the cache. */
const RECHECK_EVENTS = ['visibilitychange', 'online', 'pageshow', 'focus'] as const;

/**
 * Holds the element's session: a SessionManager for the current API and
 * `persist` mode, connected while the element is, rechecked when the page
 * wakes, disposed (timers, tab lock, channel) when the element leaves.
 */
export class SessionController implements ReactiveController {
  #manager: SessionManager | undefined;
  /** Lets go of the page's presence lock that the current session holds. */
  #releasePresence: (() => void) | undefined;
  #settings: SessionSettings | undefined;
  #connected = false;
  /** `persist="memory"` (or storage refused): the element's own, so moving the element keeps its session. */
  readonly #memory = new ElementMemory();
  readonly #recheck = () => this.#manager?.recheck();

  readonly #host: ReactiveControllerHost;
  readonly #events: SessionEvents;

  constructor(host: ReactiveControllerHost, events: SessionEvents) {
    this.#host = host;
    this.#events = events;
    host.addController(this);
  }

  get tokens(): TokenSet | null {
    return this.#manager?.tokens ?? null;
  }

  /** Points the session at an API; a different key or mode starts over with what is stored for it. */
  configure(settings: SessionSettings | undefined): void {
    const same =
      settings &&
      this.#settings &&
      settings.key === this.#settings.key &&
      settings.persist === this.#settings.persist &&
      settings.autoRefresh === this.#settings.autoRefresh;
    this.#settings = settings;
    if (same) return;
    this.#close();
    if (settings && this.#connected) this.#open(settings);
  }

  /** When the access token expires by this machine's clock (ms), or undefined. */
  get expiresAt(): number | undefined {
    return this.#manager?.expiresAt;
  }

  start(tokens: TokenSet): void {
    this.#manager?.start(tokens);
  }

  end(reason: SessionEndReason): void {
    this.#manager?.end(reason);
  }

  refreshTokens(): Promise<TokenSet> {
    if (!this.#manager) return Promise.reject(new Error('<jwt-login> is not configured'));
    return this.#manager.refreshTokens();
  }

  async getAccessToken(): Promise<string | null> {
    return this.#manager ? this.#manager.getAccessToken() : null;
  }

  hostConnected(): void {
    this.#connected = true;
    for (const type of RECHECK_EVENTS) globalThis.addEventListener?.(type, this.#recheck);
    if (this.#settings && !this.#manager) this.#open(this.#settings);
  }

  hostDisconnected(): void {
    this.#connected = false;
    for (const type of RECHECK_EVENTS) globalThis.removeEventListener?.(type, this.#recheck);
    this.#close();
  }

  #close(): void {
    this.#manager?.dispose();
    this.#manager = undefined;
    this.#releasePresence?.();
    this.#releasePresence = undefined;
  }

  #open(settings: SessionSettings): void {
    const storage = storageFor(settings.persist);
    // sessionStorage is copied into a duplicated tab: the tab's presence tells the copy from its own.
    const held = settings.persist === 'session' && storage ? holdTabPresence() : undefined;
    this.#releasePresence = held?.release;
    const presence = held?.presence;
    const manager = new SessionManager({
      store: storage ? new SessionStore(storage, settings.key) : new SessionStore(this.#memory, settings.key, { keepResponse: true }),
      ...(settings.persist === 'local' ? { coordinator: new TabCoordinator(settings.key, browserTabPlatform(storage)) } : {}),
      ...(presence ? { presence } : {}),
      refresh: (tokens) => (this.#settings ?? settings).refresh(tokens),
      refreshable: (tokens) => (this.#settings ?? settings).refreshable(tokens),
      configuration: settings.configuration,
      autoRefresh: settings.autoRefresh,
      events: this.#events,
    });
    this.#manager = manager;
    void manager.connect().finally(() => this.#host.requestUpdate());
  }
}
