import type { KeyValueStorage } from '../../src/core/element-memory.js';
import type { LockManagerLike, TabPlatform } from '../../src/core/tab-coordinator.js';

/** localStorage shared by the fake tabs of one origin. */
export class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

/** Exclusive locks as the Web Locks API grants them: in order, one holder at a time. */
class FakeLocks implements LockManagerLike {
  private held = new Set<string>();
  private queues = new Map<string, Array<() => void>>();

  async request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown> {
    // Like the Web Locks API, never call back synchronously from request().
    await Promise.resolve();
    if (this.held.has(name)) {
      if (options.ifAvailable) return callback(null);
      await new Promise<void>((resolve, reject) => {
        const queue = this.queues.get(name) ?? [];
        queue.push(resolve);
        this.queues.set(name, queue);
        options.signal?.addEventListener('abort', () => {
          this.queues.set(name, (this.queues.get(name) ?? []).filter((entry) => entry !== resolve));
          reject(options.signal!.reason);
        });
      });
    }
    this.held.add(name);
    try {
      return await callback({ name });
    } finally {
      // Handed straight to the next in line, as Web Locks do: no request slips in between.
      const next = this.queues.get(name)?.shift();
      if (next) next();
      else this.held.delete(name);
    }
  }
}

/** BroadcastChannel between fake tabs: delivered later, to every other channel of the same name. */
class ChannelHub {
  private channels = new Set<{ name: string; port: { onmessage: ((event: MessageEvent) => void) | null } }>();

  create(name: string): BroadcastChannel {
    const entry = { name, port: { onmessage: null as ((event: MessageEvent) => void) | null } };
    this.channels.add(entry);
    const channel = {
      set onmessage(handler: ((event: MessageEvent) => void) | null) {
        entry.port.onmessage = handler;
      },
      postMessage: (data: unknown) => {
        const copy = structuredClone(data);
        for (const other of this.channels) {
          if (other === entry || other.name !== name) continue;
          setImmediate(() => other.port.onmessage?.({ data: copy } as MessageEvent));
        }
      },
      close: () => this.channels.delete(entry),
    };
    return channel as unknown as BroadcastChannel;
  }
}

/** One origin's shared storage, locks and channels; `platform()` is one tab's view of them. */
export class FakeOrigin {
  readonly storage = new MemoryStorage();
  private readonly locks = new FakeLocks();
  private readonly hub = new ChannelHub();

  constructor(private readonly now: () => number) {}

  platform(options: { withLocks?: boolean } = {}): TabPlatform {
    return {
      locks: options.withLocks === false ? undefined : this.locks,
      createChannel: (name) => this.hub.create(name),
      storage: this.storage,
      now: this.now,
      random: Math.random,
      wait: () => new Promise((resolve) => setImmediate(resolve)),
    };
  }
}
