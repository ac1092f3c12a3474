import { loadApiDocument, securitySchemesOf, serverUrlsOf } from './openapi-document.js';
import { pickBearerScheme, type BearerScheme } from './security-scheme.js';
import { followSession, type BridgeOptions, type SessionSource } from './session-source.js';

/** The `<elements-api>` element, as far as the bridge reads it. */
export interface StoplightElementsElement extends Element {
  apiDescriptionUrl?: string;
  apiDescriptionDocument?: unknown;
}

export interface StoplightBridgeOptions extends BridgeOptions {
  /**
   * Base URLs whose Try-it requests get the token. Default: the document's `servers`
   * (resolved against its URL). Needed when the document is YAML, which the bridge does not read.
   */
  servers?: string[];
}

/** What Try-it sends in a secured operation's header while its own auth field is empty. */
const TRY_IT_PLACEHOLDER = /^(bearer\s*)?(123)?$/i;

const isUnder = (url: string, base: string) => {
  const target = new URL(url, document.baseURI);
  const server = new URL(base, document.baseURI);
  const path = server.pathname.endsWith('/') ? server.pathname : `${server.pathname}/`;
  return target.origin === server.origin && `${target.pathname}/`.startsWith(path);
};

/**
 * Stoplight Elements has no API for credentials (stoplightio/elements#1400), and its Try-it
 * reads `localStorage['TryIt_securitySchemeValues']` only before its first panel renders.
 * So the bridge works at the one point Try-it does expose: the `fetch` it calls. While the
 * widget is signed in, a Try-it request to one of the API's own servers whose auth header
 * is still Try-it's empty placeholder (`Bearer 123`) is sent with the widget's token
 * instead. Every other request — other origins, public operations (no auth header), a
 * value the reader typed into Try-it — passes through untouched, and nothing is written
 * to storage.
 *
 * Limits: Try-it's auth field and its code samples keep showing the placeholder; a request
 * through Try-it's CORS proxy gets no token; the wrapper must be installed before Try-it
 * sends (it reads `window.fetch` at each request, so any time before the first click works).
 *
 * @param login the `<jwt-login>` element
 * @param elements the `<elements-api>` element
 * @returns a function that removes the `fetch` wrapper (or, when something wrapped `fetch`
 *   after it, turns it into a pass-through)
 */
export function connectStoplightElements(
  login: SessionSource,
  elements: StoplightElementsElement,
  options: StoplightBridgeOptions = {},
): () => void {
  const sendFetch = window.fetch;
  const descriptionUrl = elements.apiDescriptionUrl ?? elements.getAttribute('apiDescriptionUrl') ?? undefined;
  const documentUrl = new URL(descriptionUrl ?? '', document.baseURI).href;
  let scheme: BearerScheme | undefined;
  let servers = options.servers ?? [];
  let connected = true;
  const session = followSession(login);

  void loadApiDocument(elements.apiDescriptionDocument, descriptionUrl && documentUrl).then((apiDocument) => {
    scheme =
      pickBearerScheme(securitySchemesOf(apiDocument), options.scheme) ??
      (apiDocument ? undefined : { name: options.scheme ?? 'bearer', type: 'http', header: 'Authorization', valueOf: (value) => value });
    if (!options.servers) servers = serverUrlsOf(apiDocument, documentUrl);
  });

  const tryItFetch: typeof fetch = (input, init) => {
    const token = session.accessToken;
    if (connected && token && scheme && init?.headers && !(input instanceof Request)) {
      const url = String(input);
      const headers = new Headers(init.headers);
      const sent = headers.get(scheme.header);
      if (sent !== null && TRY_IT_PLACEHOLDER.test(sent.trim()) && servers.some((server) => isUnder(url, server))) {
        headers.set(scheme.header, scheme.type === 'apiKey' ? scheme.valueOf(token) : `Bearer ${token}`);
        return sendFetch(input, { ...init, headers });
      }
    }
    return sendFetch(input, init);
  };
  window.fetch = tryItFetch;

  return () => {
    connected = false;
    session.stop();
    if (window.fetch === tryItFetch) window.fetch = sendFetch;
  };
}
