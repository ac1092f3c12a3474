/**
 * What a bridge needs of `<jwt-login>`: its current tokens and its session events.
 * Structural, so a bridge never imports (and never bundles) the element itself.
 */
export interface SessionSource extends EventTarget {
  readonly session: { readonly accessToken: string } | null;
}

/** Options every bridge takes. */
export interface BridgeOptions {
  /**
   * The security scheme to fill, by its name in the API document. Default: the document's
   * first HTTP bearer scheme (else an API-key scheme sent in the `Authorization` header).
   */
  scheme?: string;
}

/** What a bridge does with the session; `clear` is only called after an `apply`. */
export interface TokenTarget {
  apply(accessToken: string): void;
  clear(): void;
}

/**
 * Applies the current access token at once when signed in, then every new one (sign-in,
 * refresh, here or in another tab), and clears it on sign-out. An explorer the bridge has
 * not filled is never cleared. Returns the function that stops following.
 */
export function followSession(login: SessionSource, target: TokenTarget): () => void {
  let applied = false;
  const apply = (accessToken: string) => {
    applied = true;
    target.apply(accessToken);
  };
  const onTokens = (event: Event) => apply((event as CustomEvent<{ accessToken: string }>).detail.accessToken);
  const onLogout = () => {
    if (!applied) return;
    applied = false;
    target.clear();
  };
  login.addEventListener('login', onTokens);
  login.addEventListener('token-refresh', onTokens);
  login.addEventListener('logout', onLogout);
  const current = login.session?.accessToken;
  if (current) apply(current);
  return () => {
    login.removeEventListener('login', onTokens);
    login.removeEventListener('token-refresh', onTokens);
    login.removeEventListener('logout', onLogout);
  };
}
