// The session engine, loaded on demand (a chunk of the split build): the SessionManager with
// its store, the coordination across tabs, and the tab's presence lock.
import type { PersistMode } from '../core/config.js';
import { SessionManager, type SessionEvents } from '../core/session.js';
import type { KeyValueStorage } from '../core/element-memory.js';
import { SessionStore } from '../core/session-store.js';
import { browserTabPlatform, TabCoordinator } from '../core/tab-coordinator.js';
import { holdTabPresence } from '../core/tab-presence.js';
import type { SessionSettings } from './session-controller.js';

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

export interface OpenedSession {
  manager: SessionManager;
  /** Lets go of the page's presence lock that the session holds, if it holds one. */
  release?: () => void;
}

/**
 * A session for `settings`: in the page's storage for `persist`, else in the element's own
 * `memory`; `current` gives the settings of the moment (the element's tenant may change).
 */
export function openSession(
  settings: SessionSettings,
  memory: KeyValueStorage,
  events: SessionEvents,
  current: () => SessionSettings,
): OpenedSession {
  const storage = storageFor(settings.persist);
  // sessionStorage is copied into a duplicated tab: the tab's presence tells the copy from its own.
  const held = settings.persist === 'session' && storage ? holdTabPresence() : undefined;
  const manager = new SessionManager({
    store: storage ? new SessionStore(storage, settings.key) : new SessionStore(memory, settings.key, { keepResponse: true }),
    ...(settings.persist === 'local' ? { coordinator: new TabCoordinator(settings.key, browserTabPlatform(storage)) } : {}),
    ...(held ? { presence: held.presence } : {}),
    refresh: (tokens) => current().refresh(tokens),
    refreshable: (tokens) => current().refreshable(tokens),
    configuration: settings.configuration,
    autoRefresh: settings.autoRefresh,
    events,
  });
  return { manager, ...(held ? { release: held.release } : {}) };
}
