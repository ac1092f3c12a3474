/**
 * What a page holds on to that outlives an element: pending timers and animation frames,
 * event listeners on window, document and other non-DOM targets (BroadcastChannel,
 * MediaQueryList, …), open BroadcastChannels, observing MutationObservers, Web Locks held
 * or waited for.
 * `installResourceProbe` runs as an init script, before any page script, so it sees
 * every call; each live entry keeps the stack of the call that made it, so a leak can be
 * traced to its source line through the bundle's source map.
 *
 * Listeners on the element's own nodes are not counted: they go with the nodes.
 */

export interface LiveEntry {
  /** `setTimeout`, `Window:visibilitychange`, `BroadcastChannel`, `MutationObserver`, … */
  kind: string;
  stack: string;
}

export interface ProbeSnapshot {
  timers: LiveEntry[];
  listeners: LiveEntry[];
  channels: LiveEntry[];
  observers: LiveEntry[];
  /** Web Locks granted and not released yet, with the stack of their request. */
  locks: LiveEntry[];
  /** Web Locks waited for (navigator.locks.query), by name. */
  pendingLocks: string[];
  /** How many of each were ever made: proof that the probe saw the element's activity. */
  made: Record<Tally, number>;
}

export type Tally = 'timers' | 'listeners' | 'channels' | 'observers' | 'locks';

interface Probe {
  snapshot(): Promise<ProbeSnapshot>;
  /** Waits on a timer the probe does not count: the bench's own waiting is not the element's. */
  sleep(ms: number): Promise<void>;
}

declare global {
  interface Window {
    __benchProbe?: Probe;
  }
}

/** Runs in the page (serialized by Playwright): everything it needs is inside it. */
export function installResourceProbe(): void {
  // Without the Error line, stackOf and the wrapper: the first frame is the caller's.
  const stackOf = () => (new Error().stack ?? '').split('\n').slice(3).join('\n');
  const timers = new Map<string, LiveEntry>();
  /** Per target, per `type|capture`, per listener. */
  const listeners = new Map<EventTarget, Map<string, Map<EventListenerOrEventListenerObject, LiveEntry>>>();
  const channels = new Map<BroadcastChannel, LiveEntry>();
  const observers = new Map<MutationObserver, LiveEntry>();
  const locks = new Set<LiveEntry>();
  const made = { timers: 0, listeners: 0, channels: 0, observers: 0, locks: 0 };
  const nativeSetTimeout = window.setTimeout.bind(window);

  // Timers: live from the call until they fire or are cleared.
  const trackTimer = <Id extends number>(
    name: string,
    schedule: (callback: (...args: never[]) => unknown, ...rest: never[]) => Id,
    cancelName: string,
    cancel: (id: Id) => void,
    once: boolean,
  ) => {
    const target = window as unknown as Record<string, unknown>;
    target[name] = function (this: unknown, callback: unknown, ...rest: never[]) {
      if (typeof callback !== 'function') return schedule.call(window, callback as never, ...rest);
      let key = '';
      const wrapped = function (this: unknown, ...args: unknown[]) {
        if (once) timers.delete(key);
        return (callback as (...a: unknown[]) => unknown).apply(this, args);
      };
      const id = schedule.call(window, wrapped, ...rest);
      key = `${name}:${id}`;
      timers.set(key, { kind: name, stack: stackOf() });
      made.timers += 1;
      return id;
    };
    target[cancelName] = function (id: Id) {
      timers.delete(`${name}:${id}`);
      return cancel.call(window, id);
    };
  };
  trackTimer('setTimeout', window.setTimeout as never, 'clearTimeout', window.clearTimeout, true);
  trackTimer('setInterval', window.setInterval as never, 'clearInterval', window.clearInterval, false);
  trackTimer('requestAnimationFrame', window.requestAnimationFrame as never, 'cancelAnimationFrame', window.cancelAnimationFrame, true);
  if ('requestIdleCallback' in window) {
    trackTimer('requestIdleCallback', window.requestIdleCallback as never, 'cancelIdleCallback', window.cancelIdleCallback, true);
  }

  // Listeners on targets that outlive an element.
  const isGlobal = (target: EventTarget) =>
    !(target instanceof Node) ||
    target === document ||
    target === document.documentElement ||
    target === document.head ||
    target === document.body;
  const slot = (type: string, options: boolean | EventListenerOptions | undefined) =>
    `${type}|${typeof options === 'boolean' ? options : Boolean(options?.capture)}`;
  const targetName = (target: EventTarget) =>
    target === window ? 'Window' : target === document ? 'Document' : (target.constructor?.name ?? 'EventTarget');
  // Entries go as soon as their listener does, so the probe itself holds (almost) nothing.
  const forget = (target: EventTarget, key: string, listener: EventListenerOrEventListenerObject) => {
    const slots = listeners.get(target);
    const entries = slots?.get(key);
    if (!slots || !entries?.delete(listener)) return;
    if (entries.size === 0) slots.delete(key);
    if (slots.size === 0) listeners.delete(target);
  };
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
    add.call(this, type, listener, options);
    if (!listener || !isGlobal(this)) return;
    const key = slot(type, options);
    let slots = listeners.get(this);
    if (!slots) listeners.set(this, (slots = new Map()));
    let entries = slots.get(key);
    if (!entries) slots.set(key, (entries = new Map()));
    if (entries.has(listener)) return;
    entries.set(listener, { kind: `${targetName(this)}:${type}`, stack: stackOf() });
    made.listeners += 1;
    const settings = typeof options === 'object' ? options : {};
    // Removed by the browser, without removeEventListener:
    const drop = () => forget(this, key, listener);
    if (settings.once) add.call(this, type, drop, { once: true, capture: Boolean(settings.capture) });
    if (settings.signal) add.call(settings.signal, 'abort', drop, { once: true });
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type, listener, options) {
    remove.call(this, type, listener, options);
    if (listener && isGlobal(this)) forget(this, slot(type, options), listener);
  };

  const NativeChannel = window.BroadcastChannel;
  window.BroadcastChannel = class extends NativeChannel {
    constructor(name: string) {
      super(name);
      channels.set(this, { kind: `BroadcastChannel(${name})`, stack: stackOf() });
      made.channels += 1;
    }
    override close(): void {
      channels.delete(this);
      listeners.delete(this);
      super.close();
    }
  };

  const { observe, disconnect } = MutationObserver.prototype;
  MutationObserver.prototype.observe = function (this: MutationObserver, target, options) {
    if (!observers.has(this)) {
      observers.set(this, { kind: 'MutationObserver', stack: stackOf() });
      made.observers += 1;
    }
    return observe.call(this, target, options);
  };
  MutationObserver.prototype.disconnect = function (this: MutationObserver) {
    observers.delete(this);
    return disconnect.call(this);
  };

  // A lock is held from its grant until the promise its callback returned settles.
  const lockManager = globalThis.LockManager?.prototype;
  if (lockManager) {
    const { request } = lockManager;
    lockManager.request = function (this: LockManager, name: string, ...rest: unknown[]) {
      const callback = rest.pop() as LockGrantedCallback<unknown>;
      const stack = stackOf();
      const granted = (lock: Lock | null) => {
        const result = callback(lock);
        if (!lock) return result;
        const entry = { kind: `Web Lock ${name}`, stack };
        locks.add(entry);
        made.locks += 1;
        const release = () => void locks.delete(entry);
        Promise.resolve(result).then(release, release);
        return result;
      };
      return (request as (...args: unknown[]) => Promise<unknown>).call(this, name, ...rest, granted);
    } as LockManager['request'];
  }

  window.__benchProbe = {
    sleep: (ms) => new Promise((resolve) => nativeSetTimeout(resolve, ms)),
    async snapshot() {
      // Web Locks exist in secure contexts only (the bench's pages are on localhost).
      const query: LockManagerSnapshot = (await navigator.locks?.query()) ?? {};
      return {
        timers: [...timers.values()],
        listeners: [...listeners.values()].flatMap((slots) => [...slots.values()].flatMap((entries) => [...entries.values()])),
        channels: [...channels.values()],
        observers: [...observers.values()],
        locks: [...locks],
        pendingLocks: (query.pending ?? []).map((lock) => lock.name ?? ''),
        made: { ...made },
      };
    },
  };
}

/** Entries of `after` beyond those of `before`, counted by kind (a kind can be live twice). */
export function leftOver(before: LiveEntry[], after: LiveEntry[]): LiveEntry[] {
  const baseline = new Map<string, number>();
  for (const entry of before) baseline.set(entry.kind, (baseline.get(entry.kind) ?? 0) + 1);
  return after.filter((entry) => {
    const left = baseline.get(entry.kind) ?? 0;
    if (left > 0) {
      baseline.set(entry.kind, left - 1);
      return false;
    }
    return true;
  });
}
