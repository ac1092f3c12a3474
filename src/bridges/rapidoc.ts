import { pickBearerScheme, type SecuritySchemeObject } from './security-scheme.js';
import { followSession, type BridgeOptions, type SessionSource } from './session-source.js';

/** The `<rapi-doc>` element, as far as the bridge uses it. */
export interface RapiDocElement extends EventTarget {
  /** Set once the spec is parsed; `spec-loaded` fires after. */
  resolvedSpec?: { securitySchemes?: ({ securitySchemeId: string } & SecuritySchemeObject)[] } | null;
  setApiKey(securitySchemeId: string, value: string): boolean;
  removeAllSecurityKeys(): void;
}

/**
 * Hands the widget's access token to RapiDoc through its public `setApiKey`, re-applied on
 * every `spec-loaded` (a new spec starts with empty keys), and clears it with
 * `removeAllSecurityKeys` on sign-out.
 *
 * @param login the `<jwt-login>` element
 * @param rapidoc the `<rapi-doc>` element
 * @returns a function that stops following the widget and leaves RapiDoc as it is
 */
export function connectRapiDoc(login: SessionSource, rapidoc: RapiDocElement, options: BridgeOptions = {}): () => void {
  const fill = (token: string | undefined) => {
    const schemes = rapidoc.resolvedSpec?.securitySchemes;
    if (!token || !schemes) return;
    const scheme = pickBearerScheme(
      Object.fromEntries(schemes.map((candidate) => [candidate.securitySchemeId, candidate])),
      options.scheme,
    );
    if (scheme) rapidoc.setApiKey(scheme.name, scheme.valueOf(token));
  };
  const session = followSession(login, {
    apply: fill,
    clear() {
      if (rapidoc.resolvedSpec) rapidoc.removeAllSecurityKeys();
    },
  });
  const fillLoadedSpec = () => fill(session.accessToken);
  rapidoc.addEventListener('spec-loaded', fillLoadedSpec);
  return () => {
    session.stop();
    rapidoc.removeEventListener('spec-loaded', fillLoadedSpec);
  };
}
