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

let pagePresence: TabPresence | undefined;

/**
 * The page's presence, through Web Locks: each page holds a lock named after its id
 * until it unloads, so a lock another page can take belongs to a page that is gone.
 * Undefined without Web Locks: every stored session then counts as this tab's own.
 */
export function browserTabPresence(): TabPresence | undefined {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (!locks) return undefined;
  if (!pagePresence) {
    const id = randomId();
    // Held until the page unloads: the callback's promise never settles.
    locks.request(lockName(id), {}, () => new Promise<void>(() => undefined)).catch(() => undefined);
    pagePresence = {
      id,
      isAlive: async (other) => {
        try {
          return (await locks.request(lockName(other), { ifAvailable: true }, (lock) => lock === null)) === true;
        } catch {
          return false;
        }
      },
    };
  }
  return pagePresence;
}
