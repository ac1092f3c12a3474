import { pickBearerScheme, type SecuritySchemeObject } from './security-scheme.js';
import { followSession, type BridgeOptions, type SessionSource } from './session-source.js';

/** An Immutable.js value, as Swagger UI's selectors return them. */
interface ImmutableValue {
  getIn(path: string[]): ImmutableValue | undefined;
  toJS(): unknown;
}

/** What `SwaggerUIBundle({...})` returns, as far as the bridge uses it. */
export interface SwaggerUIInstance {
  /** Returns `null` while the spec (and so the scheme) is not loaded. */
  preauthorizeApiKey(schemeName: string, value: string): unknown;
  authActions: { logout(schemeNames: string[]): unknown };
  specSelectors: { specJson(): ImmutableValue };
  getStore(): { subscribe(listener: () => void): () => void };
}

/**
 * Hands the widget's access token to Swagger UI's Authorize state through its public
 * `preauthorizeApiKey`, and signs the scheme out with `authActions.logout`. Swagger UI
 * loads its spec after it is created (and again when the reader opens another URL), so
 * the token is applied whenever a new spec arrives.
 *
 * @param login the `<jwt-login>` element
 * @param ui what `SwaggerUIBundle({...})` returned
 * @returns a function that stops following the widget and leaves Swagger UI as it is
 */
export function connectSwaggerUI(login: SessionSource, ui: SwaggerUIInstance, options: BridgeOptions = {}): () => void {
  let filledScheme: string | undefined;
  let specFilled: ImmutableValue | undefined;

  const fill = (token: string) => {
    const spec = ui.specSelectors.specJson();
    specFilled = spec;
    const schemes = (spec.getIn(['components', 'securitySchemes']) ?? spec.getIn(['securityDefinitions']))?.toJS();
    const scheme = pickBearerScheme(schemes as Record<string, SecuritySchemeObject> | undefined, options.scheme);
    if (scheme && ui.preauthorizeApiKey(scheme.name, scheme.valueOf(token)) !== null) {
      filledScheme = scheme.name;
    }
  };
  const session = followSession(login, {
    apply: fill,
    clear() {
      if (filledScheme) ui.authActions.logout([filledScheme]);
      filledScheme = undefined;
    },
  });
  const unsubscribe = ui.getStore().subscribe(() => {
    const token = session.accessToken;
    if (token && ui.specSelectors.specJson() !== specFilled) fill(token);
  });
  return () => {
    session.stop();
    unsubscribe();
  };
}
