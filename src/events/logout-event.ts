import type { SessionEndReason } from '../core/tab-coordinator.js';

/** Why a session ended. */
export type LogoutReason = SessionEndReason;

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
