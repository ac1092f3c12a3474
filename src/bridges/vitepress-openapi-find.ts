import type { VitepressOpenApiSpec, VitepressOpenApiTheme } from './vitepress-openapi.js';
import { storageKeys } from './stored-token.js';
import { isVueComponent, vueComponentsAbove, vueMountOf } from './vue-tree.js';

/** The root element of vitepress-openapi's playground form (`OAPlaygroundParameters`), one per operation. */
export const VITEPRESS_OPENAPI_PLAYGROUND = '.OAPlaygroundParameters';

/** What `connectVitepressOpenApi` needs, read from a playground on the page. */
export interface VitepressOpenApiPlayground {
  openapi: VitepressOpenApiSpec;
  theme: VitepressOpenApiTheme;
  /** The mount point of the site's Vue app: every playground of the site reads what the bridge writes. */
  site: Element;
}

/** A Vue ref, as `useStorage` returns it; the reactive proxy of an object, which hides the refs it holds. */
type MaybeRef = { __v_isRef?: boolean; value?: unknown };
type Reactive = { __v_raw?: Record<string, unknown> };

const isSpec = (value: unknown): value is VitepressOpenApiSpec => typeof (value as VitepressOpenApiSpec | null)?.getSpec === 'function';

/** The prefix of the localStorage entry `<prefix>-authorization-<scheme>` that holds `value`. */
function storagePrefixOf(scheme: string, value: unknown): string | undefined {
  const suffix = `-authorization-${scheme}`;
  const key = storageKeys(localStorage).find((name) => name.endsWith(suffix) && localStorage.getItem(name) === String(value));
  return key?.slice(0, -suffix.length);
}

/**
 * The document and storage settings of the vitepress-openapi playground `playground` (an
 * element matching {@link VITEPRESS_OPENAPI_PLAYGROUND}), for an operation with a security
 * scheme; `undefined` otherwise, or while it is not rendered yet.
 *
 * vitepress-openapi keeps both where the page cannot import them (`useOpenapi()` and
 * `useTheme()` read module state of the site's own bundle), so they are read from the Vue
 * components that render the playground's credential field: `OAOperationContext`'s `openapi`
 * prop is the instance `useOpenapi()` returns; `OAPlaygroundSecurityInput`'s `scheme` prop
 * holds the credential, a VueUse storage ref when `storage.persistAuth` is on (a plain value
 * when it is off). The storage prefix is not kept anywhere a component shows; the ref wrote
 * its value to `localStorage["<prefix>-authorization-<scheme>"]` when it was made, so the
 * entry for that scheme holding that value names it.
 */
export function vitepressOpenApiPlaygroundOf(playground: Element): VitepressOpenApiPlayground | undefined {
  const known = seen.get(playground);
  if (known) return known;
  const found = readPlayground(playground);
  if (found) seen.set(playground, found);
  return found;
}

/** What each playground's components said: it does not change while the playground is on the page. */
const seen = new WeakMap<Element, VitepressOpenApiPlayground>();

function readPlayground(playground: Element): VitepressOpenApiPlayground | undefined {
  const site = vueMountOf(playground);
  if (!site) return undefined;
  for (const input of playground.querySelectorAll('input')) {
    const path = vueComponentsAbove(input);
    const securityInput = path.filter((component) => isVueComponent(component, 'OAPlaygroundSecurityInput')).pop();
    if (!securityInput) continue;
    const openapi = path.find((component) => isVueComponent(component, 'OAOperationContext'))?.props.openapi;
    const authorization = securityInput.props.scheme as (Reactive & Record<string, unknown>) | undefined;
    const raw = authorization?.__v_raw ?? authorization;
    if (!isSpec(openapi) || !raw) return undefined;
    const credential = raw.value as MaybeRef | undefined;
    if (credential?.__v_isRef !== true) return { openapi, site, theme: { getStoragePrefix: () => '', getStoragePersistAuth: () => false } };
    const prefix = storagePrefixOf(String(raw.label), credential.value);
    return prefix === undefined ? undefined : { openapi, site, theme: { getStoragePrefix: () => prefix, getStoragePersistAuth: () => true } };
  }
  return undefined;
}
