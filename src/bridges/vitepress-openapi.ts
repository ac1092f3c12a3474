import { pickBearerScheme, type BearerScheme } from './security-scheme.js';
import { securitySchemesOf, type ApiDocument } from './openapi-document.js';
import { followSession, type BridgeOptions, type SessionSource } from './session-source.js';
import { isStoredToken, storageKeys } from './stored-token.js';

/** What vitepress-openapi's `useOpenapi()` returns, as far as the bridge reads it. */
export interface VitepressOpenApiSpec {
  getSpec(): ApiDocument;
}

/** What vitepress-openapi's `useTheme()` returns, as far as the bridge reads it. */
export interface VitepressOpenApiTheme {
  getStoragePrefix(): string;
  getStoragePersistAuth(): boolean;
}

export interface VitepressOpenApiBridgeOptions extends BridgeOptions {
  /** `useTheme()` from `vitepress-openapi/client`; default: the theme's defaults (prefix `--oa`, persistAuth on). */
  theme?: VitepressOpenApiTheme;
}

/**
 * The value the playground sends for each scheme type: an `http` scheme's value is sent as
 * the whole `Authorization` header, `oauth2` and `openIdConnect` get `Bearer ` put before it.
 */
const PLAYGROUND_VALUE: Record<string, (scheme: BearerScheme, accessToken: string) => string> = {
  http: (_scheme, accessToken) => `Bearer ${accessToken}`,
  oauth2: (_scheme, accessToken) => accessToken,
  openIdConnect: (_scheme, accessToken) => accessToken,
  apiKey: (scheme, accessToken) => scheme.valueOf(accessToken),
};

/** The playground's credential entries: `<prefix>-authorization-<scheme>`. */
const AUTHORIZATION_ENTRY = /-authorization-/;

/** Writes (or, with `null`, removes) a playground's credential and announces it, as VueUse does across tabs. */
function writePlaygroundEntry(key: string, value: string | null): void {
  const oldValue = localStorage.getItem(key);
  if (value === null) localStorage.removeItem(key);
  else localStorage.setItem(key, value);
  window.dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue: value, storageArea: localStorage, url: location.href }));
}

/**
 * Removes every playground credential entry (any prefix, any scheme) that holds one of
 * `tokens`: what `<jwt-login connect>` does on sign-out, for entries an earlier page load wrote.
 */
export function forgetVitepressOpenApiTokens(tokens: ReadonlySet<string>): void {
  const held = storageKeys(localStorage).filter((key) => AUTHORIZATION_ENTRY.test(key) && isStoredToken(localStorage.getItem(key), tokens));
  for (const key of held) writePlaygroundEntry(key, null);
}

/**
 * Hands the widget's access token to vitepress-openapi's playground. The playground keeps
 * each scheme's credential in `localStorage["<prefix>-authorization-<scheme>"]` (its
 * `storage.persistAuth` option, on by default) through a VueUse storage ref, which follows
 * `storage` events: the bridge writes that entry and announces it, so every playground on the
 * page takes the token at once and playgrounds rendered later (another page) read it. On
 * sign-out it removes the entry; the playground falls back to its placeholder (`Token`).
 *
 * Limits: the token is in the playground's own localStorage entry while signed in, as a
 * token the reader typed would be; with `persistAuth: false` the playground keeps credentials
 * where nothing outside can reach them, so the bridge refuses to connect.
 *
 * @param login the `<jwt-login>` element
 * @param openapi what `useOpenapi({ spec })` returned (its document names the scheme)
 * @returns a function that stops following the widget and leaves the playground as it is
 */
export function connectVitepressOpenApi(
  login: SessionSource,
  openapi: VitepressOpenApiSpec,
  options: VitepressOpenApiBridgeOptions = {},
): () => void {
  if (options.theme && !options.theme.getStoragePersistAuth()) {
    throw new Error('connectVitepressOpenApi needs the playground to keep credentials in localStorage: set storage.persistAuth to true');
  }
  const scheme = pickBearerScheme(securitySchemesOf(openapi.getSpec()), options.scheme);
  const key = scheme && `${options.theme?.getStoragePrefix() ?? '--oa'}-authorization-${scheme.name}`;
  const write = (value: string | null) => {
    if (key) writePlaygroundEntry(key, value);
  };
  const session = followSession(login, {
    apply: (accessToken) => scheme && write(PLAYGROUND_VALUE[scheme.type]?.(scheme, accessToken) ?? accessToken),
    clear: () => write(null),
  });
  return () => session.stop();
}
