import type { DocusaurusOpenApiStore } from './docusaurus-openapi.js';
import { reactPropsAbove } from './react-tree.js';

/**
 * Where docusaurus-theme-openapi-docs' `ApiItem` renders each API page's explorer (the right
 * column, inside the react-redux `Provider` of the page's store). Schema pages use the same
 * column without a store.
 */
export const DOCUSAURUS_OPENAPI_PANEL = '.openapi-right-panel__container';

const isExplorerStore = (value: unknown): value is DocusaurusOpenApiStore & { subscribe: unknown } => {
  const store = value as Partial<DocusaurusOpenApiStore & { subscribe: unknown }> | null;
  if (typeof store?.getState !== 'function' || typeof store.dispatch !== 'function' || typeof store.subscribe !== 'function') return false;
  // The store rendered on the server (and in the first render in the browser) has an empty `auth`.
  const auth = store.getState().auth;
  return typeof auth?.data === 'object' && typeof auth.options === 'object';
};

/**
 * The store of the API page whose explorer renders in `panel`: the `store` prop of the nearest
 * react-redux `Provider` above it, once it holds the explorer's `auth` slice. The theme makes a
 * new store whenever the page renders again, so this is the store of now.
 */
export function docusaurusOpenApiStoreOf(panel: Element): DocusaurusOpenApiStore | undefined {
  return reactPropsAbove(panel)
    .map((props) => (props as { store?: unknown } | null)?.store)
    .reverse()
    .find(isExplorerStore);
}
