import { EXPLORER_FINDERS, type ExplorerFinder } from './explorer-finders.js';
import { followSession, type SessionSource } from './session-source.js';

export interface ConnectExplorersOptions {
  /**
   * A CSS selector: only the explorers whose element (or an ancestor of it) matches are
   * connected, e.g. `#api` or `rapi-doc`. Default: every explorer on the page.
   */
  select?: string;
  /** The finders to use. Default: {@link EXPLORER_FINDERS}. */
  finders?: readonly ExplorerFinder[];
}

/** At one refresh every five minutes, eight hours of access tokens. */
const REMEMBERED_TOKENS = 100;

const isSelector = (selector: string) => {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
};

/**
 * Connects every API explorer on the page to `login` with its bridge, the ones there now and
 * the ones that appear later (a change to the page's DOM, or a finder's custom element being
 * defined, makes it look again; no polling), and disconnects an explorer whose element leaves
 * the page. On sign-out, explorers that keep credentials in storage (`forget`) lose the
 * widget's tokens there, connected or not. What `<jwt-login connect>` runs; usable from a script too.
 *
 * @param login the `<jwt-login>` element
 * @returns a function that disconnects every explorer and stops looking
 */
export function connectExplorers(login: SessionSource, { select, finders = EXPLORER_FINDERS }: ConnectExplorersOptions = {}): () => void {
  if (select !== undefined && !isSelector(select)) {
    console.warn(`<jwt-login>: connect="${select}" is not a CSS selector; no explorer is connected.`);
    return () => undefined;
  }
  const connections = new Map<object, { element?: Element; disconnect(): void }>();
  let stopped = false;
  let scheduled: ReturnType<typeof setTimeout> | undefined;

  const look = () => {
    scheduled = undefined;
    for (const [explorer, connection] of connections) {
      if (connection.element && !connection.element.isConnected) {
        connection.disconnect();
        connections.delete(explorer);
      }
    }
    for (const finder of finders) {
      for (const found of finder.find(document)) {
        if (connections.has(found.explorer) || (select !== undefined && !found.element?.closest(select))) continue;
        connections.set(found.explorer, { element: found.element, disconnect: found.connect(login) });
      }
    }
  };
  // Explorers render in many small steps: one look per task is enough.
  const lookSoon = () => {
    if (!stopped) scheduled ??= setTimeout(look);
  };

  // The access tokens of this page load: on sign-out each finder forgets those its explorer
  // keeps in storage, which an earlier page load's bridge may have written. The newest
  // REMEMBERED_TOKENS only, so that a tab open for days does not grow: older ones have expired.
  const tokens = new Set<string>();
  const session = followSession(login, {
    apply: (accessToken) => {
      tokens.add(accessToken);
      if (tokens.size > REMEMBERED_TOKENS) tokens.delete(tokens.values().next().value!);
    },
    clear: () => {
      for (const finder of finders) {
        try {
          finder.forget?.(tokens);
        } catch {
          // Storage the browser refuses (blocked site data, a sandboxed frame) holds nothing to forget.
        }
      }
      tokens.clear();
    },
  });

  const observer = new MutationObserver(lookSoon);
  observer.observe(document, { childList: true, subtree: true });
  for (const { definedBy } of finders) if (definedBy) void customElements.whenDefined(definedBy).then(lookSoon);
  look();

  return () => {
    stopped = true;
    session.stop();
    observer.disconnect();
    clearTimeout(scheduled);
    for (const { disconnect } of connections.values()) disconnect();
    connections.clear();
  };
}
