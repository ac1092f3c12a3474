/**
 * The session engine. What it promises, in every tab and whatever starts a refresh
 * (the timer, the page's `refreshTokens()` or `getAccessToken()`, another tab's request):
 *
 * 1. While signed in with `refresh="auto"` and a refresh path (`refreshable`), a refresh is
 *    scheduled before expiry: every refresh reschedules when it settles, whoever started it.
 * 2. `getAccessToken()` never resolves an expired token: it refreshes, or hands out the
 *    token while it is still valid, or the session ends (null, or a rejection).
 *    A token's lifetime is `exp` − `iat`, else `exi`, else its expiry by our clock.
 * 3. No refresh token is sent twice: one tab refreshes for all (TabCoordinator), and a
 *    duplicated tab never refreshes with the copy of its original's refresh token (TabPresence).
 * 4. Every end of a session fires exactly one `ended` with its reason, in every tab that held
 *    it, and nothing revives it: a tab remembers the ids of ended sessions and adopts no late
 *    message, stored record or refresh answer for them; `refreshTokens()` during which the
 *    session ended rejects.
 * 5. Tokens belong to the configuration that requested them: `start()` refuses tokens of
 *    another preset or tenant, and a refresh answered for another subject ends the session.
 * 6. No timer beyond 2^31−1 ms (longer waits re-arm); an idle tab wakes only when something
 *    is due, or once per 2^31−1 ms.
 * 7. Under failure the request rate stays bounded: passing failures back off (1 s … 30 s),
 *    with one last try at expiry; a refusal (401, 403) ends the session.
 */
import { LoginError } from './errors.js';
import { HandOver } from './hand-over.js';
import { randomId } from './random-id.js';
import {
  type SessionRecord,
  LONGEST_TIMER,
  MIN_REFRESH_INTERVAL,
  canRefresh,
  isExpired,
  localExpiry,
  needsRefresh,
  refreshTime,
  retryDelay,
} from './refresh-schedule.js';
import type { SessionStore } from './session-store.js';
import type { SessionEndReason, TabCoordinator, TabMessage } from './tab-coordinator.js';
import type { TabPresence } from './tab-presence.js';
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
  /** For `persist="session"`: tells a duplicated tab's copy of the session from this tab's own. */
  presence?: TabPresence;
  /** Calls the API's refresh endpoint. */
  refresh(tokens: TokenSet): Promise<TokenSet>;
  /**
   * Whether a refresh can be attempted at all: the API has a refresh call and it needs no
   * refresh token (a cookie refresh) or there is one. Default: whether there is a refresh token.
   */
  refreshable?(tokens: TokenSet): boolean;
  /** The configuration this session serves; tokens of another preset or tenant are refused. */
  configuration?: { preset: string; tenant?: string };
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

function refreshFailed(message: string): LoginError {
  return new LoginError({ code: 'refresh-failed', message, method: 'refresh' });
}

/** Both tokens name a subject and they differ: the answer is someone else's session. */
function otherSubject(before: TokenSet, after: TokenSet): boolean {
  const [was, is] = [before.claims.sub, after.claims.sub];
  return typeof was === 'string' && typeof is === 'string' && was !== is;
}

function disposedError(): DOMException {
  return new DOMException('The session was disposed', 'AbortError');
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
  /** Sessions that ended while this tab watched: nothing adopts them again. */
  readonly #ended = new Set<string>();
  #jitter: number;
  #timer: unknown;
  #inFlight: Promise<TokenSet> | undefined;
  /** When the last refresh started (-Infinity: none yet): the timer waits a while after it. */
  #lastRefreshAt = -Infinity;
  #retryAttempt = 0;
  #retryAt: number | undefined;
  /** Whether the one last try at expiry has been made for the current tokens. */
  #triedAtExpiry = false;
  readonly #handOver: HandOver;
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
    this.#handOver = new HandOver(this.#timers);
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
    const loaded = this.options.store.load();
    if (!loaded || this.#disposed) return;
    const stored = await this.#claim(loaded);
    if (this.#disposed || this.#current || this.#ended.has(stored.id)) return;
    this.#current = stored;
    const now = this.#now();
    if (!isExpired(stored, now)) return this.#adopt(stored);
    if (!this.#canRefresh(stored, now)) return this.end('expired');
    await this.refreshTokens().catch(() => undefined);
  }

  /** A sign-in in this tab. Throws a `config-error` for tokens another configuration requested. */
  start(tokens: TokenSet): void {
    if (!this.#belongsHere(tokens)) {
      throw new LoginError({
        code: 'config-error',
        message: 'These tokens were requested for another preset or tenant than the session serves',
        method: null,
      });
    }
    this.#announced = false;
    const record = { id: randomId(), tokens, obtainedAt: this.#now() };
    this.#adopt(record);
    this.#save(record);
    this.options.coordinator?.post({ type: 'login', record });
  }

  /** Ends the session here and in every tab that shares it. */
  end(reason: SessionEndReason, options: { fromOtherTab?: boolean } = {}): void {
    const ended = this.#current;
    this.#current = null;
    this.#announced = false;
    this.#retryAt = undefined;
    this.#timers.clearTimeout(this.#timer);
    this.#handOver.reject(refreshFailed('The session ended'));
    if (!ended) return;
    this.#ended.add(ended.id);
    if (!options.fromOtherTab) {
      this.options.store.clear();
      this.options.coordinator?.post({ type: 'logout', reason, id: ended.id });
    }
    this.options.events.ended(reason);
  }

  /** Refreshes now; concurrent calls share one request. Resolves with the tokens now current. */
  refreshTokens(): Promise<TokenSet> {
    // Rescheduled when it settles, whoever asked: the timer was cleared when it started.
    if (!this.#inFlight) this.#lastRefreshAt = this.#now();
    this.#inFlight ??= this.#refreshOnce().finally(() => {
      this.#inFlight = undefined;
      this.#schedule();
    });
    return this.#inFlight;
  }

  /** A valid access token, refreshed first when it is expired or about to be; `null` when signed out. */
  async getAccessToken(): Promise<string | null> {
    const record = this.#current;
    if (!record || !this.#announced) return this.#inFlight ? (await this.#inFlight).accessToken : null;
    if (!needsRefresh(record, this.#now())) return record.tokens.accessToken;
    let failure: unknown;
    if (this.#canRefresh(record, this.#now())) await this.refreshTokens().catch((error: unknown) => (failure = error));
    if (this.#disposed) throw disposedError();
    const current = this.#current;
    if (current && this.#announced && !isExpired(current, this.#now())) return current.tokens.accessToken;
    if (failure !== undefined) throw failure;
    // Nothing left to refresh with, and the token expired.
    if (current) this.end('expired');
    return null;
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
    this.#handOver.reject(disposedError());
  }

  #refreshable(record: SessionRecord): boolean {
    return this.options.refreshable ? this.options.refreshable(record.tokens) : Boolean(record.tokens.refreshToken);
  }

  #canRefresh(record: SessionRecord, now: number): boolean {
    return canRefresh(record, now, this.#refreshable(record));
  }

  #belongsHere(tokens: TokenSet): boolean {
    const configuration = this.options.configuration;
    if (!configuration) return true;
    // Without a tenant attribute the form asks for one: then any tenant the tokens name is this one's.
    return tokens.preset === configuration.preset && (configuration.tenant === undefined || tokens.tenant === configuration.tenant);
  }

  #save(record: SessionRecord): void {
    const owner = this.options.presence?.id;
    this.options.store.save(owner ? { ...record, owner } : record);
  }

  /**
   * A stored session another open tab saved is a copy (a duplicated tab inherits
   * sessionStorage): it keeps the access token until it expires, but the refresh token
   * stays with the tab that owns it. A record whose tab is gone (a reload) is this tab's now.
   */
  async #claim(stored: SessionRecord): Promise<SessionRecord> {
    const presence = this.options.presence;
    if (!presence || stored.owner === presence.id) return stored;
    let record = stored;
    if (stored.owner && (await presence.isAlive(stored.owner))) {
      const { refreshToken: _copied, ...tokens } = stored.tokens;
      record = { ...stored, tokens };
    }
    if (!this.#disposed) this.#save(record);
    return record;
  }

  #adopt(record: SessionRecord): void {
    const wasAnnounced = this.#announced;
    this.#current = record;
    this.#announced = true;
    this.#jitter = this.#random();
    this.#retryAttempt = 0;
    this.#retryAt = undefined;
    this.#triedAtExpiry = false;
    this.#schedule();
    this.#handOver.resolve(record);
    if (wasAnnounced) this.options.events.refreshed(record.tokens);
    else this.options.events.login(record.tokens);
  }

  async #refreshOnce(): Promise<TokenSet> {
    const record = this.#current;
    if (!record) throw refreshFailed('Not signed in');
    if (!this.#canRefresh(record, this.#now())) throw refreshFailed('These tokens cannot be refreshed');
    const coordinator = this.options.coordinator;
    if (coordinator && !(await coordinator.mayRefresh())) return (await this.#fromOtherTab(record)).tokens;
    try {
      if (this.#current !== record) return this.#stillCurrent();
      // Without Web Locks another tab may have refreshed just before this one took the lease.
      const stored = coordinator ? this.options.store.load() : undefined;
      if (stored && stored.id === record.id && stored.tokens.refreshToken !== record.tokens.refreshToken && !needsRefresh(stored, this.#now())) {
        this.#adopt(stored);
        return stored.tokens;
      }
      const tokens = await this.options.refresh(record.tokens);
      return this.#received(record, { id: record.id, tokens, obtainedAt: this.#now() });
    } catch (error) {
      this.#onRefreshFailure(record, error);
      throw error;
    } finally {
      coordinator?.releaseLease();
    }
  }

  /** What a refresh answered, for the session it started from. */
  #received(record: SessionRecord, fresh: SessionRecord): TokenSet {
    if (this.#disposed) {
      // Removed from the page meanwhile: the old refresh token is spent, so the new ones are kept
      // for whoever restores the session; nobody is left here to hand them to.
      if (this.#current === record) this.#save(fresh);
      throw disposedError();
    }
    if (this.#current !== record) return this.#stillCurrent();
    if (otherSubject(record.tokens, fresh.tokens)) {
      this.end('refresh-failed');
      throw refreshFailed('The refresh answered with tokens for another subject');
    }
    if (isExpired(fresh, this.#now())) {
      throw new LoginError({ code: 'invalid-response', message: 'The refresh answered with an expired token', method: 'refresh' });
    }
    this.#save(fresh);
    this.options.coordinator?.post({ type: 'refresh', record: fresh });
    this.#adopt(fresh);
    return fresh.tokens;
  }

  /** After a refresh the session moved on without it: the tokens now current, or it ended. */
  #stillCurrent(): TokenSet {
    if (this.#disposed) throw disposedError();
    if (this.#current && this.#announced) return this.#current.tokens;
    throw refreshFailed('The session ended during the refresh');
  }

  #onRefreshFailure(record: SessionRecord, error: unknown): void {
    if (this.#disposed || this.#current !== record) return;
    if (isTerminal(error)) {
      this.end('refresh-failed');
    } else if (isExpired(record, this.#now())) {
      this.end('expired');
    } else {
      this.#retryAt = this.#now() + retryDelay(this.#retryAttempt++);
    }
  }

  /** Waits for the tokens the leading tab refreshes, asking it to when this tab does not lead. */
  #fromOtherTab(record: SessionRecord): Promise<SessionRecord> {
    const waiting = this.#handOver.wait(
      this.options.handOverTimeout ?? 20_000,
      () => new LoginError({ code: 'timeout', message: 'No other tab handed over new tokens', method: 'refresh' }),
    );
    if (this.options.coordinator?.leader === false) {
      this.options.coordinator.post({ type: 'refresh-request', accessToken: record.tokens.accessToken });
    }
    return waiting;
  }

  #onTabMessage(message: TabMessage): void {
    if (this.#disposed) return;
    const current = this.#current;
    switch (message.type) {
      case 'login':
        if (this.#ended.has(message.record.id) || current?.id === message.record.id) return;
        if (!this.#belongsHere(message.record.tokens)) return;
        this.#announced = false;
        this.#adopt(message.record);
        break;
      case 'refresh':
        // Only news of the session this tab holds: a late message for an ended one revives nothing.
        if (!current || message.record.id !== current.id) return;
        if (message.record.obtainedAt < current.obtainedAt) return;
        if (otherSubject(current.tokens, message.record.tokens)) return;
        this.#adopt(message.record);
        break;
      case 'logout':
        this.#ended.add(message.id);
        // The leader may have saved a refresh after the signing-out tab cleared storage.
        if (this.options.store.load()?.id === message.id) this.options.store.clear();
        if (current?.id === message.id) this.end(message.reason, { fromOtherTab: true });
        break;
      case 'refresh-request':
        if (!this.options.coordinator?.leader || !current) return;
        if (message.accessToken === current.tokens.accessToken) {
          void this.refreshTokens().catch(() => undefined);
        } else {
          // The asking tab is behind: hand it what this tab already has.
          this.options.coordinator.post({ type: 'refresh', record: current });
        }
        break;
    }
  }

  /** The leading tab closed and this one leads now: it may hold older tokens than storage. */
  #onLeadership(): void {
    const stored = this.options.store.load();
    const current = this.#current;
    if (current && stored && stored.id === current.id && stored.obtainedAt > current.obtainedAt) this.#adopt(stored);
    else this.#schedule();
  }

  /** Refreshes what is due, ends what expired, and sets the timer for what comes next. */
  #tick(): void {
    const record = this.#current;
    if (!record || this.#inFlight) return this.#schedule();
    const now = this.#now();
    const refreshable = this.#canRefresh(record, now);
    if (isExpired(record, now) && (this.options.autoRefresh || !refreshable)) {
      // One last try at expiry (a passing failure just before it does not end a short token's session).
      if (!this.options.autoRefresh || !refreshable || this.#triedAtExpiry) return this.end('expired');
      this.#triedAtExpiry = true;
      return this.#refreshNow();
    }
    const due = this.#nextRefresh(record, now);
    if (due !== undefined && now >= due) return this.#refreshNow();
    this.#schedule();
  }

  #refreshNow(): void {
    void this.refreshTokens().catch(() => undefined);
  }

  /** When this tab should refresh next: a retry, else a point in the refresh window (followers a bit later). */
  #nextRefresh(record: SessionRecord, now: number): number | undefined {
    if (!this.options.autoRefresh || !this.#canRefresh(record, now)) return undefined;
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
    const now = this.#now();
    // Without a refresh path the session still ends at expiry, whatever `refresh` says.
    const watchExpiry = this.options.autoRefresh || !this.#canRefresh(record, now);
    const times = [this.#nextRefresh(record, now), watchExpiry ? localExpiry(record) : undefined].filter(
      (time): time is number => time !== undefined,
    );
    if (times.length === 0) return;
    // Never sooner than a while after the last refresh (tokens that live for milliseconds, invariant 7);
    // never longer than setTimeout can count (a longer delay fires at once; the tick sets the rest).
    const at = Math.max(Math.min(...times), this.#lastRefreshAt + MIN_REFRESH_INTERVAL);
    const delay = Math.min(LONGEST_TIMER, Math.max(0, at - now));
    this.#timer = this.#timers.setTimeout(() => this.#tick(), delay);
  }
}
