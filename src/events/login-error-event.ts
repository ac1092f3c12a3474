import type { LoginErrorDetail } from '../core/errors.js';

/** A failure was shown to the user; `detail.code` is one of the contract's error codes. */
export class LoginErrorEvent extends CustomEvent<LoginErrorDetail> {
  constructor(detail: LoginErrorDetail) {
    super('login-error', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'login-error': LoginErrorEvent;
  }
}
