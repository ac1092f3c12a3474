import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AuthClient } from '../core/client.js';
import type { PersistMode, WidgetConfig } from '../core/config.js';
import { chunkMissing, type LoginErrorDetail } from '../core/errors.js';
import { ElementMemory } from '../core/element-memory.js';
import type { SessionEvents, SessionManager } from '../core/session.js';
import { canRefreshTokens } from '../core/refreshable.js';
import { sessionKey } from '../core/session-key.js';
import type { SessionEndReason } from '../core/tab-coordinator.js';
import type { TokenSet } from '../core/tokens.js';
import { expiryTextChangesIn } from '../core/expiry-text-schedule.js';
import { LoginEvent } from '../events/login-event.js';
import { LogoutEvent } from '../events/logout-event.js';
import { TokenRefreshEvent } from '../events/token-refresh-event.js';
import { CountdownController } from './countdown-controller.js';
import { LazyModuleController } from './lazy-module-controller.js';

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

/** Which API a session belongs to: base URL, preset and tenant. */
export function sessionKeyOf(config: WidgetConfig, tenant: string | undefined): string {
  return sessionKey({ baseUrl: config.baseUrl, preset: config.presetName, ...(tenant ? { tenant } : {}) });
}

/** The session settings of a configuration; `client` builds the AuthClient for a tenant. */
export function sessionSettings(
  config: WidgetConfig,
  tenant: string | undefined,
  client: (tenant: string | undefined) => Promise<AuthClient>,
): SessionSettings {
  return {
    key: sessionKeyOf(config, tenant),
    persist: config.persist,
    autoRefresh: config.refresh === 'auto',
    refresh: async (tokens) => (await client(tokens.tenant)).refresh(tokens),
    refreshable: (tokens) => canRefreshTokens(config.preset, tokens),
    configuration: { preset: config.presetName, ...(tenant ? { tenant } : {}) },
  };
}

/** Why the form is back, when the reader did not sign out: shown on the form and fired as `login-error`. */
function endedError(reason: SessionEndReason): LoginErrorDetail | undefined {
  if (reason === 'refresh-failed') return { code: 'refresh-failed', message: 'The session could not be renewed', method: 'refresh' };
  if (reason === 'expired') return { code: 'token-expired', message: 'The session expired', method: 'refresh' };
  return undefined;
}

const EXPIRY = 'session-expiry';

/** The wake-up calls after which timers may have drifted: a tab shown again, back online, back from the cache. */
const RECHECK_EVENTS = ['visibilitychange', 'online', 'pageshow', 'focus'] as const;

/**
 * Holds the element's session: a SessionManager for the current API and
 * `persist` mode, connected while the element is, rechecked when the page
 * wakes, disposed (timers, tab lock, channel) when the element leaves. Fires
 * the session events (`login`, `token-refresh`, `logout`) on the host and
 * keeps the expiry countdown the signed-in view shows.
 */
export class SessionController implements ReactiveController {
  #manager: SessionManager | undefined;
  /** Resolves once the manager for the current settings exists (the engine is a chunk of its own). */
  #opened: Promise<void> | undefined;
  /** Counts opens and closes: an engine that arrives after a newer one was asked for is not used. */
  #generation = 0;
  /** Lets go of the page's presence lock that the current session holds. */
  #releasePresence: (() => void) | undefined;
  #settings: SessionSettings | undefined;
  #connected = false;
  /** `persist="memory"` (or storage refused): the element's own, so moving the element keeps its session. */
  readonly #memory = new ElementMemory();
  readonly #recheck = () => this.#manager?.recheck();

  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #countdown: CountdownController;
  readonly #engine: LazyModuleController<typeof import('./session-engine.js')>;
  readonly #onEnded: (error: LoginErrorDetail | undefined) => void;
  readonly #events: SessionEvents = {
    login: (tokens) => this.#changed(new LoginEvent(tokens)),
    refreshed: (tokens) => this.#changed(new TokenRefreshEvent(tokens)),
    ended: (reason) => this.#ended(reason),
  };

  /**
   * `onEnded` runs when a session ends, before `logout` fires, with the error to show
   * when the reader did not end it (expired, or the refresh failed).
   */
  constructor(host: ReactiveControllerHost & EventTarget, onEnded: (error: LoginErrorDetail | undefined) => void) {
    this.#host = host;
    this.#onEnded = onEnded;
    this.#countdown = new CountdownController(host);
    this.#engine = new LazyModuleController(host, () => import('./session-engine.js'));
    host.addController(this);
  }

  /** Whole seconds until the access token expires; `undefined` when unknown. */
  get expiresInSeconds(): number | undefined {
    return this.expiresAt === undefined ? undefined : this.#countdown.remaining(EXPIRY);
  }

  #changed(event: LoginEvent | TokenRefreshEvent): void {
    const expiresAt = this.expiresAt;
    if (expiresAt !== undefined) this.#countdown.start(EXPIRY, (expiresAt - Date.now()) / 1000, expiryTextChangesIn);
    this.#host.requestUpdate();
    this.#host.dispatchEvent(event);
  }

  #ended(reason: SessionEndReason): void {
    this.#countdown.clear(EXPIRY);
    this.#onEnded(endedError(reason));
    this.#host.requestUpdate();
    this.#host.dispatchEvent(new LogoutEvent({ reason }));
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

  /** Loads the session engine now, if the browser has not been idle yet: a sign-in has started. */
  prepare(): void {
    void this.#ready().catch(() => undefined);
  }

  /** Starts a session with tokens just obtained; rejects with the LoginError of tokens the session refuses. */
  async start(tokens: TokenSet): Promise<void> {
    await this.#ready();
    this.#manager?.start(tokens);
  }

  end(reason: SessionEndReason): void {
    this.#manager?.end(reason);
  }

  async refreshTokens(): Promise<TokenSet> {
    await this.#ready();
    if (!this.#manager) throw new Error('<jwt-login> is not configured');
    return this.#manager.refreshTokens();
  }

  async getAccessToken(): Promise<string | null> {
    await this.#ready();
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

  /** The engine loaded and the manager for the current settings opened; a chunk that cannot be loaded is a network-error. */
  async #ready(): Promise<void> {
    try {
      await this.#engine.load();
    } catch {
      throw chunkMissing('The session engine');
    }
    await this.#opened;
  }

  #close(): void {
    this.#generation += 1;
    this.#opened = undefined;
    this.#manager?.dispose();
    this.#manager = undefined;
    this.#releasePresence?.();
    this.#releasePresence = undefined;
  }

  #open(settings: SessionSettings): void {
    const generation = (this.#generation += 1);
    this.#opened = this.#engine.loaded.then(({ openSession }) => {
      if (generation !== this.#generation) return;
      const { manager, release } = openSession(settings, this.#memory, this.#events, () => this.#settings ?? settings);
      this.#manager = manager;
      this.#releasePresence = release;
      void manager.connect().finally(() => this.#host.requestUpdate());
    });
  }
}
