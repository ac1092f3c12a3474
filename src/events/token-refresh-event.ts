import type { TokenSet } from '../core/tokens.js';

/** The tokens were refreshed, here or in another tab that shares the session. */
export class TokenRefreshEvent extends CustomEvent<TokenSet> {
  constructor(detail: TokenSet) {
    super('token-refresh', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'token-refresh': TokenRefreshEvent;
  }
}
