import { connectRapiDoc, type RapiDocElement } from './rapidoc.js';
import { connectScalar } from './scalar.js';
import { scalarMountedOn } from './scalar-mount.js';
import type { SessionSource } from './session-source.js';
import { connectStoplightElements, type StoplightElementsElement } from './stoplight-elements.js';
import { connectSwaggerUI, type SwaggerUIInstance } from './swagger-ui.js';

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
];
