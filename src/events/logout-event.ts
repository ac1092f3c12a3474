/** Why a session ended. */
export type LogoutReason = 'user' | 'expired' | 'refresh-failed';

export interface LogoutDetail {
  reason: LogoutReason;
}

/** The session ended. */
export class LogoutEvent extends CustomEvent<LogoutDetail> {
  constructor(detail: LogoutDetail) {
    super('logout', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    logout: LogoutEvent;
  }
}
