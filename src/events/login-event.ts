import type { TokenSet } from '../core/tokens.js';

/** Tokens were obtained by any sign-in method. */
export class LoginEvent extends CustomEvent<TokenSet> {
  constructor(detail: TokenSet) {
    super('login', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    login: LoginEvent;
  }
}
