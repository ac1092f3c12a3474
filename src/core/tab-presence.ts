import { randomId } from './random-id.js';
import type { LockManagerLike } from './tab-coordinator.js';

/**
 * Which tab this is, and whether another tab is still open. A duplicated tab
 * inherits a copy of sessionStorage, refresh token included; the tab id saved
 * with the session tells the copy from the original's own reload (after a
 * reload the old page, and its id, are gone).
 */
export interface TabPresence {
  /** This page's id: new with every page load, never copied into a duplicate. */
  readonly id: string;
  /** Whether the page with this id is still open. */
  isAlive(id: string): Promise<boolean>;
}

const lockName = (id: string) => `jwt-login-tab:${id}`;

/** The page's id and how many sessions use it; its lock is held while that is more than none. */
let page: { presence: TabPresence; holders: number; unlock?: () => void } | undefined;

/**
 * Holds the page's presence while a session uses it, through Web Locks: the page holds a
 * lock named after its id, so a lock another page can take belongs to a page that is gone
 * (or that no longer keeps a session). `release()` lets go; the last release frees the lock,
 * so a page whose widgets are all gone leaves no lock behind. Undefined without Web Locks:
 * every stored session then counts as this tab's own.
 */
export function holdTabPresence(): { presence: TabPresence; release(): void } | undefined {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (!locks) return undefined;
  page ??= {
    holders: 0,
    presence: {
      id: randomId(),
      isAlive: async (other) => {
        try {
          return (await locks.request(lockName(other), { ifAvailable: true }, (lock) => lock === null)) === true;
        } catch {
          return false;
        }
      },
    },
  };
  const held = page;
  if (held.holders++ === 0) {
    const released = new Promise<void>((resolve) => (held.unlock = resolve));
    locks.request(lockName(held.presence.id), {}, () => released).catch(() => undefined);
  }
  let released = false;
  return {
    presence: held.presence,
    release() {
      if (released) return;
      released = true;
      if (--held.holders === 0) held.unlock?.();
    },
  };
}
