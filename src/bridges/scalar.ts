import { loadApiDocument, securitySchemesOf } from './openapi-document.js';
import { pickBearerScheme } from './security-scheme.js';
import { followSession, type BridgeOptions, type SessionSource } from './session-source.js';

type SchemeValues = Record<string, unknown>;

interface ScalarAuthentication {
  preferredSecurityScheme?: unknown;
  securitySchemes?: Record<string, SchemeValues>;
  [option: string]: unknown;
}

/** Scalar's configuration, as far as the bridge reads and writes it. */
export interface ScalarConfiguration {
  url?: string;
  content?: unknown;
  authentication?: ScalarAuthentication;
  [option: string]: unknown;
}

/** What `Scalar.createApiReference(...)` returns, as far as the bridge uses it. */
export interface ScalarApiReference {
  getConfiguration(): ScalarConfiguration;
  /** Replaces the whole configuration (it does not merge). */
  updateConfiguration(configuration: ScalarConfiguration): void;
}

/**
 * Hands the widget's access token to Scalar through `updateConfiguration`, as the
 * `authentication` option documents it (`token` for an HTTP bearer scheme, `value` for an
 * API key). `updateConfiguration` replaces the configuration, so the bridge always writes
 * the current configuration back with only `authentication` changed, and restores the
 * page's own `authentication` on sign-out. Without `options.scheme` the scheme is read from
 * the document Scalar was given (`content`, or `url` when it answers JSON).
 *
 * @param login the `<jwt-login>` element
 * @param app what `Scalar.createApiReference(...)` returned
 * @returns a function that stops following the widget and leaves Scalar as it is
 */
export function connectScalar(login: SessionSource, app: ScalarApiReference, options: BridgeOptions = {}): () => void {
  const initial = app.getConfiguration();
  const scheme = loadApiDocument(initial.content, initial.url).then(
    (document) =>
      pickBearerScheme(securitySchemesOf(document), options.scheme) ??
      (options.scheme ? { name: options.scheme, type: 'http', header: 'Authorization', valueOf: (token: string) => token } : undefined),
  );
  let connected = true;
  /** The page's own `authentication`, kept from the first fill until sign-out. */
  let pageAuthentication: { value: ScalarAuthentication | undefined } | undefined;

  const fill = async (accessToken: string) => {
    const picked = await scheme;
    if (!picked || !connected || session.accessToken !== accessToken) return;
    const configuration = app.getConfiguration();
    const authentication = configuration.authentication ?? {};
    pageAuthentication ??= { value: configuration.authentication };
    const schemes = authentication.securitySchemes ?? {};
    const field = picked.type === 'apiKey' ? 'value' : 'token';
    app.updateConfiguration({
      ...configuration,
      authentication: {
        ...authentication,
        preferredSecurityScheme: picked.name,
        securitySchemes: { ...schemes, [picked.name]: { ...schemes[picked.name], [field]: picked.valueOf(accessToken) } },
      },
    });
  };
  const session = followSession(login, {
    apply: (accessToken) => void fill(accessToken),
    clear() {
      if (!pageAuthentication) return;
      const { authentication: _filled, ...configuration } = app.getConfiguration();
      const { value } = pageAuthentication;
      pageAuthentication = undefined;
      app.updateConfiguration(value ? { ...configuration, authentication: value } : configuration);
    },
  });
  return () => {
    connected = false;
    session.stop();
  };
}
