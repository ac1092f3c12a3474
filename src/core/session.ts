import { LoginError } from './errors.js';
import {
  type SessionRecord,
  isExpired,
  localExpiry,
  needsRefresh,
  refreshTime,
  refreshTokenUsable,
  retryDelay,
} from './refresh-schedule.js';
import type { SessionStore } from './session-store.js';
import type { SessionEndReason, TabCoordinator, TabMessage } from './tab-coordinator.js';
import type { TokenSet } from './tokens.js';

/** What the session tells the element, which turns it into events and views. */
export interface SessionEvents {
  /** A session began here or in another tab, or was restored. */
  login(tokens: TokenSet): void;
  refreshed(tokens: TokenSet): void;
  ended(reason: SessionEndReason): void;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SessionOptions {
  store: SessionStore;
  /** Present for `persist="local"`: the tabs share the session. */
  coordinator?: TabCoordinator;
  /** Calls the API's refresh endpoint. */
  refresh(tokens: TokenSet): Promise<TokenSet>;
  autoRefresh: boolean;
  events: SessionEvents;
  now?: () => number;
  random?: () => number;
  timers?: Timers;
  /** How long a tab waits for the tokens another tab refreshes for it. */
  handOverTimeout?: number;
}

/** A refresh the server refused for good: 401, 403 or an expired refresh token. */
function isTerminal(error: unknown): boolean {
  if (!(error instanceof LoginError)) return false;
  const { code, status } = error.detail;
  return status === 401 || status === 403 || code === 'refresh-failed' || code === 'token-expired';
}

interface Waiter {
  resolve(record: SessionRecord): void;
  reject(error: unknown): void;
}

/**
 * The session lifecycle, DOM-free: keeps the tokens, persists them, refreshes
 * them ahead of expiry (once per lifetime, across tabs), retries passing
 * failures with backoff and ends the session when it cannot go on.
 */
export class SessionManager {
  #current: SessionRecord | null = null;
  /** Whether the element has been told of the current session (a restore is told once it is fresh). */
  #announced = false;
  #jitter: number;
  #timer: unknown;
  #inFlight: Promise<TokenSet> | undefined;
  #retryAttempt = 0;
  #retryAt: number | undefined;
  #waiters: Waiter[] = [];
  #disposed = false;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #timers: Timers;

  // TS-private rather than `#options`: a unit test reads the coordinator through it.
  constructor(private readonly options: SessionOptions) {
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#timers = options.timers ?? {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    this.#jitter = this.#random();
  }

  /** The session as the page sees it: `null` until it is signed in (or restored and fresh). */
  get tokens(): TokenSet | null {
    return this.#announced ? (this.#current?.tokens ?? null) : null;
  }

  /** When the access token expires by this machine's clock (ms), or undefined. */
  get expiresAt(): number | undefined {
    return this.#announced && this.#current ? localExpiry(this.#current) : undefined;
  }

  /** Joins the other tabs and restores a persisted session: fresh, refreshed, or ended as expired. */
  async connect(): Promise<void> {
    await this.options.coordinator?.start({
      onMessage: (message) => this.#onTabMessage(message),
      onLeadership: () => this.#onLeadership(),
    });
    const stored = this.options.store.load();
    if (!stored || this.#disposed) return;
    const now = this.#now();
    if (!isExpired(stored, now)) {
      this.#adopt(stored);
      return;
    }
    if (!refreshTokenUsable(stored, now)) {
      this.end('expired');
      return;
    }
    this.#current = stored;
    await this.refreshTokens().catch(() => undefined);
  }

  /** A sign-in in this tab. */
  start(tokens: TokenSet): void {
    this.#announced = false;
    const record = { tokens, obtainedAt: this.#now() };
    this.#adopt(record);
    this.options.store.save(record);
    this.options.coordinator?.post({ type: 'login', record });
  }

  /** Ends the session here and in every tab that shares it. */
  end(reason: SessionEndReason, options: { fromOtherTab?: boolean } = {}): void {
    const wasSignedIn = this.#current !== null || reason === 'expired';
    this.#current = null;
    this.#announced = false;
    this.#retryAt = undefined;
    this.#timers.clearTimeout(this.#timer);
    this.#rejectWaiters(new LoginError({ code: 'refresh-failed', message: 'The session ended', method: 'refresh' }));
    if (!options.fromOtherTab) {
      this.options.store.clear();
      this.options.coordinator?.post({ type: 'logout', reason });
    }
    if (wasSignedIn) this.options.events.ended(reason);
  }

  /** Refreshes now; concurrent calls share one request. Resolves with the tokens now current. */
  refreshTokens(): Promise<TokenSet> {
    this.#inFlight ??= this.#refreshOnce().finally(() => (this.#inFlight = undefined));
    return this.#inFlight;
  }

  /** A valid access token, refreshed first when it is expired or about to be; `null` when signed out. */
  async getAccessToken(): Promise<string | null> {
    const record = this.#current;
    if (!record || !this.#announced) return this.#inFlight ? (await this.#inFlight).accessToken : null;
    if (!needsRefresh(record, this.#now())) return record.tokens.accessToken;
    return (await this.refreshTokens()).accessToken;
  }

  /** Timers drift and sleep: look again (the page became visible, came online, or woke). */
  recheck(): void {
    if (this.#disposed || !this.#current) return;
    this.#tick();
  }

  dispose(): void {
    this.#disposed = true;
    this.#timers.clearTimeout(this.#timer);
    this.options.coordinator?.stop();
    this.#rejectWaiters(new DOMException('The session was disposed', 'AbortError'));
  }

  #adopt(record: SessionRecord): void {
    const wasAnnounced = this.#announced;
    this.#current = record;
    this.#announced = true;
    this.#jitter = this.#random();
    this.#retryAttempt = 0;
    this.#retryAt = undefined;
    this.#schedule();
    for (const waiter of this.#waiters.splice(0)) waiter.resolve(record);
    if (wasAnnounced) this.options.events.refreshed(record.tokens);
    else this.options.events.login(record.tokens);
  }

  async #refreshOnce(): Promise<TokenSet> {
    const record = this.#current;
    if (!record) throw new LoginError({ code: 'refresh-failed', message: 'Not signed in', method: 'refresh' });
    const coordinator = this.options.coordinator;
    if (coordinator && !(await coordinator.mayRefresh())) return (await this.#fromOtherTab(record)).tokens;
    try {
      // Without Web Locks another tab may have refreshed just before this one took the lease.
      const stored = coordinator ? this.options.store.load() : undefined;
      if (stored && stored.tokens.refreshToken !== record.tokens.refreshToken && !needsRefresh(stored, this.#now())) {
        this.#adopt(stored);
        return stored.tokens;
      }
      const tokens = await this.options.refresh(record.tokens);
      if (this.#disposed || this.#current !== record) return tokens;
      const fresh = { tokens, obtainedAt: this.#now() };
      this.options.store.save(fresh);
      coordinator?.post({ type: 'refresh', record: fresh });
      this.#adopt(fresh);
      return tokens;
    } catch (error) {
      this.#onRefreshFailure(record, error);
      throw error;
    } finally {
      coordinator?.releaseLease();
    }
  }

  #onRefreshFailure(record: SessionRecord, error: unknown): void {
    if (this.#disposed || this.#current !== record) return;
    if (isTerminal(error)) {
      this.end('refresh-failed');
    } else if (isExpired(record, this.#now())) {
      this.end('expired');
    } else {
      this.#retryAt = this.#now() + retryDelay(this.#retryAttempt++);
      this.#schedule();
    }
  }

  /** Waits for the tokens the leading tab refreshes (asking it to, when `ask`). */
  #fromOtherTab(record: SessionRecord): Promise<SessionRecord> {
    return new Promise((resolve, reject) => {
      const timer = this.#timers.setTimeout(() => {
        this.#waiters = this.#waiters.filter((candidate) => candidate !== waiter);
        reject(new LoginError({ code: 'timeout', message: 'No other tab handed over new tokens', method: 'refresh' }));
      }, this.options.handOverTimeout ?? 20_000);
      const waiter: Waiter = {
        resolve: (fresh) => {
          this.#timers.clearTimeout(timer);
          resolve(fresh);
        },
        reject: (error) => {
          this.#timers.clearTimeout(timer);
          reject(error);
        },
      };
      this.#waiters.push(waiter);
      if (this.options.coordinator?.leader === false) {
        this.options.coordinator.post({ type: 'refresh-request', refreshToken: record.tokens.refreshToken });
      }
    });
  }

  #rejectWaiters(error: unknown): void {
    for (const waiter of this.#waiters.splice(0)) waiter.reject(error);
  }

  #onTabMessage(message: TabMessage): void {
    if (this.#disposed) return;
    switch (message.type) {
      case 'login':
        this.#announced = false;
        this.#adopt(message.record);
        break;
      case 'refresh':
        this.#adopt(message.record);
        break;
      case 'logout':
        this.end(message.reason, { fromOtherTab: true });
        break;
      case 'refresh-request':
        if (!this.options.coordinator?.leader || !this.#current) return;
        if (message.refreshToken === this.#current.tokens.refreshToken) {
          void this.refreshTokens().catch(() => undefined);
        } else {
          // The asking tab is behind: hand it what this tab already has.
          this.options.coordinator.post({ type: 'refresh', record: this.#current });
        }
        break;
    }
  }

  /** The leading tab closed and this one leads now: it may hold older tokens than storage. */
  #onLeadership(): void {
    const stored = this.options.store.load();
    if (this.#current && stored && stored.obtainedAt > this.#current.obtainedAt) this.#adopt(stored);
    else this.#schedule();
  }

  /** Refreshes what is due, ends what expired, and sets the timer for what comes next. */
  #tick(): void {
    const record = this.#current;
    if (!record || this.#inFlight) return this.#schedule();
    const now = this.#now();
    if (this.options.autoRefresh && isExpired(record, now)) {
      // One last try at expiry, unless passing failures have been retried up to it already.
      const lastTry = this.#retryAt === undefined && refreshTokenUsable(record, now);
      return lastTry ? this.#refreshNow() : this.end('expired');
    }
    const due = this.#nextRefresh(record);
    if (due !== undefined && now >= due) return this.#refreshNow();
    this.#schedule();
  }

  #refreshNow(): void {
    void this.refreshTokens()
      .catch(() => undefined)
      .finally(() => this.#schedule());
  }

  /** When this tab should refresh next: a retry, else a point in the refresh window (followers a bit later). */
  #nextRefresh(record: SessionRecord): number | undefined {
    if (!this.options.autoRefresh || !record.tokens.refreshToken) return undefined;
    if (this.#retryAt !== undefined) return this.#retryAt;
    const coordinator = this.options.coordinator;
    // A tab that does not lead only steps in when the leader has let the token come close to expiry.
    const share = coordinator && !coordinator.leader ? 1 : this.#jitter;
    return refreshTime(record, share);
  }

  #schedule(): void {
    this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
    const record = this.#current;
    if (!record || this.#disposed || this.#inFlight) return;
    const times = [this.#nextRefresh(record), this.options.autoRefresh ? localExpiry(record) : undefined].filter(
      (time): time is number => time !== undefined,
    );
    if (times.length === 0) return;
    const delay = Math.max(0, Math.min(...times) - this.#now());
    this.#timer = this.#timers.setTimeout(() => this.#tick(), delay);
  }
}
