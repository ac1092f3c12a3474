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

/** What a bridge does when the session changes; `clear` is only called after an `apply`. */
export interface TokenTarget {
  apply?(accessToken: string): void;
  clear?(): void;
}

/** The session as a bridge follows it: the access token to send now, if any. */
export interface FollowedSession {
  readonly accessToken: string | undefined;
  /** Stops following; the target is called no more. */
  stop(): void;
}

/**
 * Applies the current access token at once when signed in, then every new one (sign-in,
 * refresh, here or in another tab), and clears it on sign-out. An explorer the bridge has
 * not filled is never cleared.
 */
export function followSession(login: SessionSource, target: TokenTarget = {}): FollowedSession {
  let accessToken: string | undefined;
  const apply = (token: string) => {
    accessToken = token;
    target.apply?.(token);
  };
  const onTokens = (event: Event) => apply((event as CustomEvent<{ accessToken: string }>).detail.accessToken);
  const onLogout = () => {
    if (accessToken === undefined) return;
    accessToken = undefined;
    target.clear?.();
  };
  login.addEventListener('login', onTokens);
  login.addEventListener('token-refresh', onTokens);
  login.addEventListener('logout', onLogout);
  const current = login.session?.accessToken;
  if (current) apply(current);
  return {
    get accessToken() {
      return accessToken;
    },
    stop() {
      login.removeEventListener('login', onTokens);
      login.removeEventListener('token-refresh', onTokens);
      login.removeEventListener('logout', onLogout);
    },
  };
}
