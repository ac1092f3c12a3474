import type { SessionRecord } from './refresh-schedule.js';
import type { KeyValueStorage } from './element-memory.js';
import { recordFromData } from './session-store.js';

const END_REASONS = ['user', 'expired', 'refresh-failed'] as const;

/** Why a session ended (the `logout` event's reason). */
export type SessionEndReason = (typeof END_REASONS)[number];

/** What the tabs of one origin tell each other about a shared session. */
export type TabMessage =
  | { type: 'login' | 'refresh'; record: SessionRecord }
  /** `id`: the session that ended (SessionRecord.id). */
  | { type: 'logout'; reason: SessionEndReason; id: string }
  /**
   * A tab that is not the leader needs fresh tokens now; `accessToken` is the one it holds
   * (refresh tokens may not rotate, or be cookies: the access token tells a tab that is behind).
   */
  | { type: 'refresh-request'; accessToken: string };

/**
 * A message as it arrived on the channel, checked: any script of the origin can post
 * there, so a malformed message is dropped and a record's claims are decoded again
 * from its access token. Never throws.
 */
export function parseTabMessage(data: unknown): TabMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  switch (message['type']) {
    case 'login':
    case 'refresh': {
      const record = recordFromData(message['record']);
      return record && { type: message['type'], record };
    }
    case 'logout': {
      const { reason, id } = message;
      return END_REASONS.includes(reason as SessionEndReason) && typeof id === 'string'
        ? { type: 'logout', reason: reason as SessionEndReason, id }
        : undefined;
    }
    case 'refresh-request': {
      const { accessToken } = message;
      return typeof accessToken === 'string' ? { type: 'refresh-request', accessToken } : undefined;
    }
    default:
      return undefined;
  }
}

/** The part of the Web Locks API the coordinator uses. */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>;
}

export interface TabPlatform {
  locks?: LockManagerLike;
  createChannel(name: string): BroadcastChannel;
  /** For the lease when there are no Web Locks. */
  storage?: KeyValueStorage;
  now(): number;
  random(): number;
  wait(ms: number): Promise<void>;
}

export function browserTabPlatform(storage: KeyValueStorage | undefined): TabPlatform {
  return {
    locks: (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks,
    createChannel: (name) => new BroadcastChannel(name),
    storage,
    now: Date.now,
    random: Math.random,
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/** How long a storage lease holds, and how long a claimant waits to see whether it won. */
const LEASE_MS = 20_000;
const LEASE_SETTLE_MS = 150;

/**
 * Coordinates the tabs that share one persisted session.
 *
 * With Web Locks, one tab is the leader (it holds a lock until it closes) and
 * only the leader refreshes: a refresh token is never sent by two tabs, and the
 * new tokens reach the others over BroadcastChannel. Without Web Locks every
 * tab may refresh, but only under a lease taken in storage.
 */
export class TabCoordinator {
  #channel: BroadcastChannel | undefined;
  #releaseLeadership: (() => void) | undefined;
  readonly #stopped = new AbortController();
  readonly #id: string;
  leader = false;

  readonly #name: string;
  readonly #platform: TabPlatform;

  constructor(name: string, platform: TabPlatform) {
    this.#name = name;
    this.#platform = platform;
    this.#id = `${platform.now().toString(36)}-${platform.random().toString(36).slice(2)}`;
  }

  /** Joins the tabs; resolves once it is known whether this tab leads now. */
  async start(handlers: { onMessage(message: TabMessage): void; onLeadership(): void }): Promise<void> {
    this.#channel = this.#platform.createChannel(`jwt-login:${this.#name}`);
    this.#channel.onmessage = (event: MessageEvent<unknown>) => {
      const message = parseTabMessage(event.data);
      if (message) handlers.onMessage(message);
    };
    const locks = this.#platform.locks;
    if (!locks) {
      this.leader = true;
      return;
    }
    const lockName = `jwt-login-leader:${this.#name}`;
    const lead = () => {
      // Granted after stop() (the element was removed while the request was pending):
      // returning at once lets the lock go; holding it would block every later leader.
      if (this.#stopped.signal.aborted) return undefined;
      this.leader = true;
      handlers.onLeadership();
      return new Promise<void>((resolve) => (this.#releaseLeadership = resolve));
    };
    // The lock is held for as long as the callback's promise is pending: until stop().
    const granted = await new Promise<boolean>((resolve) => {
      locks
        .request(lockName, { ifAvailable: true }, (lock) => {
          resolve(Boolean(lock));
          return lock ? lead() : undefined;
        })
        .catch(() => resolve(false));
    });
    if (!granted && !this.#stopped.signal.aborted) {
      // Wait in line; the callback runs when the leader's tab closes.
      locks.request(lockName, { signal: this.#stopped.signal }, lead).catch(() => undefined);
    }
  }

  post(message: TabMessage): void {
    this.#channel?.postMessage(message);
  }

  /** Whether refreshing is up to this tab: the leader, or the holder of the storage lease. */
  async mayRefresh(): Promise<boolean> {
    if (this.#platform.locks) return this.leader;
    return this.#takeLease();
  }

  releaseLease(): void {
    const storage = this.#platform.storage;
    if (!storage || this.#platform.locks) return;
    try {
      if (this.#readLease()?.id === this.#id) storage.removeItem(this.#leaseKey);
    } catch {
      // Nothing to release.
    }
  }

  stop(): void {
    this.#stopped.abort();
    this.#releaseLeadership?.();
    this.releaseLease();
    this.#channel?.close();
    this.#channel = undefined;
    this.leader = false;
  }

  get #leaseKey(): string {
    return `jwt-login-lease:${this.#name}`;
  }

  #readLease(): { id: string; until: number } | undefined {
    try {
      const lease = JSON.parse(this.#platform.storage?.getItem(this.#leaseKey) ?? 'null') as { id?: unknown; until?: unknown };
      return lease && typeof lease.id === 'string' && typeof lease.until === 'number'
        ? { id: lease.id, until: lease.until }
        : undefined;
    } catch {
      return undefined;
    }
  }

  /** Write, wait, read: whoever still holds the lease after the settle time has won it. */
  async #takeLease(): Promise<boolean> {
    const storage = this.#platform.storage;
    if (!storage) return true;
    const current = this.#readLease();
    if (current && current.id !== this.#id && current.until > this.#platform.now()) return false;
    try {
      storage.setItem(this.#leaseKey, JSON.stringify({ id: this.#id, until: this.#platform.now() + LEASE_MS }));
    } catch {
      return true;
    }
    await this.#platform.wait(LEASE_SETTLE_MS);
    return this.#readLease()?.id === this.#id;
  }
}
