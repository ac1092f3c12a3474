import { pickBearerScheme, type SecuritySchemeObject } from './security-scheme.js';
import { followSession, type BridgeOptions, type SessionSource } from './session-source.js';
import { isStoredToken, storageKeys } from './stored-token.js';

/** A security scheme as docusaurus-openapi-docs keeps it in `auth.options`. */
type OptionScheme = { key: string } & SecuritySchemeObject;

/** The `auth` slice of docusaurus-openapi-docs' store (`ApiExplorer/Authorization/slice`). */
export interface DocusaurusOpenApiAuthState {
  /** Per scheme name, its fields: `token` (bearer, OAuth 2), `apiKey`, `username`/`password`. */
  data: Record<string, Record<string, string | undefined> | undefined>;
  /** Per security requirement ("A and B"), the schemes it needs. */
  options: Record<string, OptionScheme[]>;
  selected?: string;
}

/**
 * The Redux store an API page of docusaurus-theme-openapi-docs renders its explorer with
 * (react-redux's `useStore()` inside the theme's `ApiExplorer`), as far as the bridge uses it.
 */
export interface DocusaurusOpenApiStore {
  getState(): { auth?: DocusaurusOpenApiAuthState };
  dispatch(action: { type: string; payload: unknown }): unknown;
}

/** The field of `auth.data[scheme]` the explorer reads for each scheme type. */
const TOKEN_FIELD: Record<string, string> = { http: 'token', oauth2: 'token', apiKey: 'apiKey' };

/**
 * Removes `tokens` from what the theme keeps for the next page load (its `authPersistence`:
 * per scheme name, that scheme's `auth.data` fields as JSON, in sessionStorage or
 * localStorage), as its own middleware does when a field is emptied: the entry goes when no
 * field is left. What `<jwt-login connect>` does on sign-out, for entries an earlier page load wrote.
 */
export function forgetDocusaurusOpenApiTokens(tokens: ReadonlySet<string>): void {
  for (const storage of [sessionStorage, localStorage]) {
    for (const key of storageKeys(storage)) {
      let fields: unknown;
      try {
        fields = JSON.parse(storage.getItem(key) ?? '');
      } catch {
        continue;
      }
      if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) continue;
      const entries = Object.entries(fields);
      const kept = entries.filter(([field, value]) => !(Object.values(TOKEN_FIELD).includes(field) && isStoredToken(value, tokens)));
      if (kept.length === entries.length) continue;
      if (kept.some(([, value]) => value)) storage.setItem(key, JSON.stringify(Object.fromEntries(kept)));
      else storage.removeItem(key);
    }
  }
}

/** The action creator `setAuthData` of the theme's auth slice, by its action type. */
const setAuthData = (payload: { scheme: string; key: string; value: string | undefined }) => ({ type: 'auth/setAuthData', payload });

/**
 * Hands the widget's access token to the API explorer of docusaurus-openapi-docs by
 * dispatching the theme's own `auth/setAuthData` action — what its Authorization form does
 * when a reader types a token — and dispatches an empty value on sign-out (the explorer then
 * sends its placeholder `Bearer <TOKEN>`). Each API page renders with a store of its own, so
 * connect the store of the page being shown: `<jwt-login connect>` finds it without a script;
 * from a script, a wrapped (swizzled) `@theme/ApiExplorer` calling
 * `connectDocusaurusOpenApi(login, useStore())` in an effect does that on every page.
 *
 * With the theme's default `authPersistence: "sessionStorage"` the explorer also writes the
 * token to sessionStorage (and removes it on sign-out); `themeConfig.api.authPersistence: false`
 * keeps it in the widget alone.
 *
 * @param login the `<jwt-login>` element
 * @param store the API page's store, react-redux's `useStore()` below the theme's `Provider`
 * @returns a function that stops following the widget and leaves the explorer as it is
 */
export function connectDocusaurusOpenApi(login: SessionSource, store: DocusaurusOpenApiStore, options: BridgeOptions = {}): () => void {
  const auth = store.getState().auth;
  const schemes = Object.fromEntries(Object.values(auth?.options ?? {}).flatMap((required) => required.map((scheme) => [scheme.key, scheme])));
  const scheme = pickBearerScheme(schemes, options.scheme);
  const field = scheme && TOKEN_FIELD[scheme.type];
  /** The operation's form has the field only when the operation uses the scheme. */
  const usable = !!scheme && !!field && !!auth?.data[scheme.name];
  const write = (value: string | undefined) => {
    if (usable) store.dispatch(setAuthData({ scheme: scheme.name, key: field, value }));
  };
  const session = followSession(login, {
    apply: (accessToken) => write(scheme?.valueOf(accessToken)),
    clear: () => write(undefined),
  });
  return () => session.stop();
}
