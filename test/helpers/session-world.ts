import { SessionManager } from '../../src/core/session.js';
import { sessionKey } from '../../src/core/session-key.js';
import { SessionStore } from '../../src/core/session-store.js';
import { TabCoordinator } from '../../src/core/tab-coordinator.js';
import type { TokenSet } from '../../src/core/tokens.js';
import { FakeAuthServer } from './fake-auth-server.js';
import { FakeClock, flush } from './fake-clock.js';
import { FakeOrigin, MemoryStorage } from './fake-tabs.js';

export type Persist = 'memory' | 'session' | 'local';
/** `token`: refresh with a refresh token; `cookie`: refreshable without one; `never`: no refresh call. */
export type RefreshPath = 'token' | 'cookie' | 'never';

export interface WorldSettings {
  persist: Persist;
  refreshPath: RefreshPath;
  autoRefresh: boolean;
  /** Whether the server rotates refresh tokens (a spent one is then refused). */
  rotating: boolean;
  /** Seeds the sessions' jitter, so a run is reproducible. */
  seed: number;
}

export const TENANTS = ['acme', 'globex'] as const;
export type Tenant = (typeof TENANTS)[number];

/** One open tab: a SessionManager as <jwt-login> would hold it, and what it told the page. */
export interface Tab {
  readonly name: string;
  tenant: Tenant;
  manager: SessionManager;
  /** This tab's sessionStorage (copied into a duplicate). */
  readonly sessionStorage: MemoryStorage;
  /** Events: `login`, `refresh`, `logout:<reason>`. */
  readonly log: string[];
  /** Whether the page was told of a session that has not ended since. */
  signedIn: boolean;
  /** Whose session it is (the `sub` of its login). */
  subject?: unknown;
  /** No event yet since the manager was made (a restore may end before it was ever shown). */
  fresh: boolean;
  /** The sign-in the tab's tokens continue (FakeAuthServer.chainOf). */
  chain?: number;
  /** Sign-ins that ended in this tab: it never adopts them again. */
  readonly ended: Set<number>;
}

/** A small seeded generator (mulberry32): the jitter of every tab, the same on every replay. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Tabs of one origin on a fake clock, talking to a fake server: what the model-based
 * test drives. Tabs share localStorage, Web Locks and BroadcastChannel; each has its
 * own sessionStorage; `alive` is which pages are open (TabPresence).
 */
export class SessionWorld {
  readonly clock = new FakeClock();
  readonly origin = new FakeOrigin(this.clock.now);
  readonly server: FakeAuthServer;
  readonly tabs: Tab[] = [];
  /** Broken promises found along the way (a token handed out expired, a refresh resolved after its session ended…). */
  readonly violations: string[] = [];
  readonly #alive = new Set<string>();
  /**
   * With persist="local" the tabs share one session: a sign-in that ended in one has ended in
   * all once the news arrived (a tab may adopt a refresh before it hears of the sign-out).
   */
  readonly endedEverywhere = new Set<number>();
  readonly #random: () => number;
  #opened = 0;

  constructor(readonly settings: WorldSettings) {
    this.server = new FakeAuthServer(this.clock, settings.rotating);
    this.#random = seeded(settings.seed);
  }

  async open(tenant: Tenant = 'acme', sessionStorage = new MemoryStorage()): Promise<Tab> {
    const name = `t${(this.#opened += 1)}`;
    const log: string[] = [];
    const tab: Tab = { name, tenant, manager: undefined as unknown as SessionManager, sessionStorage, log, signedIn: false, fresh: true, ended: new Set() };
    this.#alive.add(name);
    tab.manager = this.#manager(tab);
    this.tabs.push(tab);
    // Not awaited, as the element does not: restoring may wait for a slow refresh on the fake clock.
    void tab.manager.connect();
    await flush();
    return tab;
  }

  close(tab: Tab): void {
    tab.manager.dispose();
    this.server.close(tab.name);
    this.#alive.delete(tab.name);
    this.tabs.splice(this.tabs.indexOf(tab), 1);
  }

  /** The element's configuration changed to another tenant: a new manager, as SessionController does. */
  async reconfigure(tab: Tab, tenant: Tenant): Promise<void> {
    tab.manager.dispose();
    this.server.close(tab.name);
    tab.tenant = tenant;
    if (tab.signedIn) {
      // The element drops the old session's view without a logout: the page sees a new configuration.
      tab.signedIn = false;
      tab.log.push('reconfigured');
    }
    tab.fresh = true;
    tab.chain = undefined;
    tab.manager = this.#manager(tab);
    void tab.manager.connect();
    await flush();
  }

  isAlive(name: string): boolean {
    return this.#alive.has(name);
  }

  #manager(tab: Tab): SessionManager {
    const { persist, refreshPath, autoRefresh } = this.settings;
    const key = sessionKey({ baseUrl: 'https://api.example/v1', preset: 'wunder', tenant: tab.tenant });
    const storage = { memory: undefined, session: tab.sessionStorage, local: this.origin.storage }[persist];
    const manager: SessionManager = new SessionManager({
      store: new SessionStore(storage, key),
      ...(persist === 'local' ? { coordinator: new TabCoordinator(key, this.origin.platform()) } : {}),
      ...(persist === 'session' ? { presence: { id: tab.name, isAlive: async (other: string) => this.#alive.has(other) } } : {}),
      refresh: (tokens: TokenSet) => this.server.refresh(tab.name, tab.tenant, tokens),
      refreshable: {
        token: (tokens: TokenSet) => Boolean(tokens.refreshToken),
        cookie: () => true,
        never: () => false,
      }[refreshPath],
      configuration: { preset: 'wunder', tenant: tab.tenant },
      autoRefresh,
      events: {
        login: (tokens) => this.#event(tab, manager, 'login', tokens),
        refreshed: (tokens) => this.#event(tab, manager, 'refresh', tokens),
        ended: (reason) => this.#event(tab, manager, `logout:${reason}`),
      },
      now: this.clock.now,
      random: this.#random,
      timers: this.clock,
    });
    return manager;
  }

  /** Checks each event as it comes (invariant 4: one logout per end, nothing after it but a new login). */
  #event(tab: Tab, manager: SessionManager, event: string, tokens?: TokenSet): void {
    if (manager !== tab.manager) {
      this.violations.push(`${tab.name}: ${event} from a disposed session`);
      return;
    }
    tab.log.push(event);
    if (event === 'refresh' && !tab.signedIn) this.violations.push(`${tab.name}: token-refresh while signed out (a revival)`);
    // The first event may be the end of a restored session that could not be renewed.
    if (event.startsWith('logout') && !tab.signedIn && !tab.fresh) {
      this.violations.push(`${tab.name}: ${event} while signed out: ${tab.log.join(' ')}`);
    }
    tab.signedIn = !event.startsWith('logout');
    tab.fresh = false;
    if (!tokens && tab.chain !== undefined) {
      tab.ended.add(tab.chain);
      if (this.settings.persist === 'local') this.endedEverywhere.add(tab.chain);
    }
    if (tokens) {
      const chain = this.server.chainOf(tokens.accessToken);
      if (chain !== undefined && tab.ended.has(chain)) {
        this.violations.push(`${tab.name}: ${event} revived sign-in ${chain}, which had ended`);
      }
      tab.chain = chain;
      if (event === 'login') tab.subject = tokens.claims.sub;
      else if (tokens.claims.sub !== tab.subject) this.violations.push(`${tab.name}: a refresh changed the subject to ${String(tokens.claims.sub)}`);
      if (tokens.tenant !== tab.tenant) this.violations.push(`${tab.name}: tokens of tenant ${tokens.tenant} in a tab for ${tab.tenant}`);
      if (!this.server.issuedHere(tokens.accessToken)) this.violations.push(`${tab.name}: adopted a token the server never issued`);
    }
  }
}
