import { connectDocusaurusOpenApi, forgetDocusaurusOpenApiTokens } from './docusaurus-openapi.js';
import { DOCUSAURUS_OPENAPI_PANEL, docusaurusOpenApiStoreOf } from './docusaurus-openapi-find.js';
import { connectRapiDoc, type RapiDocElement } from './rapidoc.js';
import { connectScalar } from './scalar.js';
import { scalarMountedOn } from './scalar-mount.js';
import type { SessionSource } from './session-source.js';
import { connectStoplightElements, type StoplightElementsElement } from './stoplight-elements.js';
import { connectSwaggerUI, type SwaggerUIInstance } from './swagger-ui.js';
import { connectVitepressOpenApi, forgetVitepressOpenApiTokens, type VitepressOpenApiTheme } from './vitepress-openapi.js';
import { VITEPRESS_OPENAPI_PLAYGROUND, vitepressOpenApiPlaygroundOf } from './vitepress-openapi-find.js';

/** One explorer instance a finder saw on the page. */
export interface FoundExplorer {
  /** The instance (an element or an object): the connector connects each one once. */
  explorer: object;
  /**
   * The element it renders in. `connect="<selector>"` picks the explorers whose element (or
   * an ancestor of it) matches; an explorer whose element leaves the page is disconnected.
   */
  element?: Element;
  /** Connects it with its bridge; returns the bridge's disconnect. */
  connect(login: SessionSource): () => void;
}

/** How to find one kind of explorer on a page and connect it: one row of {@link EXPLORER_FINDERS}. */
export interface ExplorerFinder {
  /** The explorer's name, for people. */
  name: string;
  /** A custom element the explorer defines: the page is searched again once it is defined. */
  definedBy?: string;
  /**
   * Every instance on the page now. Called again after each change to the page's DOM (at most
   * once per task), so it must be cheap and must only return instances ready to connect.
   */
  find(document: Document): FoundExplorer[];
  /**
   * For an explorer that keeps credentials beyond the page (in storage): removes the ones that
   * are among `tokens`, the access tokens the widget had in this page load. Called when the
   * widget signs out, connected explorers or not: an earlier page load's bridge may have
   * written a token that nothing on this page would clear.
   */
  forget?(tokens: ReadonlySet<string>): void;
}

type SwaggerUIWithConfigs = SwaggerUIInstance & { getConfigs?(): { dom_id?: string; domNode?: Element } };

const isSwaggerUI = (value: unknown): value is SwaggerUIWithConfigs =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SwaggerUIInstance).preauthorizeApiKey === 'function' &&
  typeof (value as SwaggerUIInstance).getStore === 'function';

function swaggerUIElement(document: Document, ui: SwaggerUIWithConfigs): Element | undefined {
  const { dom_id: selector, domNode } = ui.getConfigs?.() ?? {};
  if (domNode) return domNode;
  try {
    return (selector && document.querySelector(selector)) || undefined;
  } catch {
    return undefined;
  }
}

/** Per explorer element and widget, the disconnect of what is connected there now. */
const latestConnections = new WeakMap<Element, Map<SessionSource, () => void>>();

/**
 * Connects with `connect`, and disconnects what this widget connected on `element` before:
 * a page rendered again replaces its explorer's store while the element stays, and the
 * connector would only let the old store go once the element leaves.
 */
function connectLatest(element: Element, login: SessionSource, connect: () => () => void): () => void {
  const connections = latestConnections.get(element) ?? new Map<SessionSource, () => void>();
  latestConnections.set(element, connections);
  connections.get(login)?.();
  const disconnect = connect();
  connections.set(login, disconnect);
  return () => {
    disconnect();
    if (connections.get(login) === disconnect) connections.delete(login);
  };
}

let warnedOfPersistAuth = false;
/** vitepress-openapi keeps credentials out of reach with `storage.persistAuth: false`: say so once. */
function persistsAuth(theme: VitepressOpenApiTheme): boolean {
  if (theme.getStoragePersistAuth()) return true;
  if (!warnedOfPersistAuth) console.warn('<jwt-login connect>: vitepress-openapi\'s storage.persistAuth is off, so its playground is not connected.');
  warnedOfPersistAuth = true;
  return false;
}

/**
 * The explorers `<jwt-login connect>` finds, one row each. Adding an explorer is adding a row
 * (README, "Connect without a script"): how to see it on a page, and which bridge connects it.
 */
export const EXPLORER_FINDERS: readonly ExplorerFinder[] = [
  {
    name: 'Swagger UI',
    // No registry of instances and no event: the one its standard index.html creates
    // (swagger-initializer.js, on `load`) and keeps in `window.ui`, seen once it renders.
    find(document) {
      const ui: unknown = (document.defaultView as (Window & { ui?: unknown }) | null)?.ui;
      if (!isSwaggerUI(ui)) return [];
      return [{ explorer: ui, element: swaggerUIElement(document, ui), connect: (login) => connectSwaggerUI(login, ui) }];
    },
  },
  {
    name: 'Stoplight Elements',
    // Its bridge reads the document's URL from the attribute, so it works before the element is defined.
    find: (document) =>
      [...document.querySelectorAll<StoplightElementsElement>('elements-api')].map((elements) => ({
        explorer: elements,
        element: elements,
        connect: (login) => connectStoplightElements(login, elements),
      })),
  },
  {
    name: 'Scalar',
    // The standalone script keeps the instance to itself: read from Vue's mount point.
    find: (document) =>
      [...document.querySelectorAll('[data-v-app]')].flatMap((mount) => {
        const app = scalarMountedOn(mount);
        return app ? [{ explorer: mount, element: mount, connect: (login: SessionSource) => connectScalar(login, app) }] : [];
      }),
  },
  {
    name: 'RapiDoc',
    definedBy: 'rapi-doc',
    find: (document) =>
      [...document.querySelectorAll<RapiDocElement & Element>('rapi-doc')]
        .filter((rapidoc) => typeof rapidoc.setApiKey === 'function')
        .map((rapidoc) => ({ explorer: rapidoc, element: rapidoc, connect: (login) => connectRapiDoc(login, rapidoc) })),
  },
  {
    name: 'docusaurus-openapi-docs',
    // Each API page's explorer renders with a Redux store of its own, read from React's tree.
    // The store is the explorer: a page rendered again (another store) is connected again,
    // and the store it replaced let go.
    find: (document) =>
      [...document.querySelectorAll(DOCUSAURUS_OPENAPI_PANEL)].flatMap((panel) => {
        const store = docusaurusOpenApiStoreOf(panel);
        return store ? [{ explorer: store, element: panel, connect: (login: SessionSource) => connectLatest(panel, login, () => connectDocusaurusOpenApi(login, store)) }] : [];
      }),
    // The theme's authPersistence keeps the token in sessionStorage (or localStorage) for the next page load.
    forget: forgetDocusaurusOpenApiTokens,
  },
  {
    name: 'vitepress-openapi',
    // Its document and storage settings are read from Vue's tree (see vitepressOpenApiPlaygroundOf).
    // The bridge fills the storage every playground of the site reads, so one connection per
    // document, kept while the site is (a sign-out on a page without a playground must reach it).
    find: (document) =>
      [...document.querySelectorAll(VITEPRESS_OPENAPI_PLAYGROUND)].flatMap((playground) => {
        const found = vitepressOpenApiPlaygroundOf(playground);
        if (!found || !persistsAuth(found.theme)) return [];
        const connect = (login: SessionSource) => connectVitepressOpenApi(login, found.openapi, { theme: found.theme });
        return [{ explorer: found.openapi, element: found.site, connect }];
      }),
    // Its playgrounds keep the token in localStorage for the next page load.
    forget: forgetVitepressOpenApiTokens,
  },
];
