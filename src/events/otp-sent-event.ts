export interface OtpSentDetail {
  channel: 'sms' | 'email';
  /** The phone number (E.164) or e-mail address the code went to. */
  to: string;
}

/** A one-time code was requested successfully. */
export class OtpSentEvent extends CustomEvent<OtpSentDetail> {
  constructor(detail: OtpSentDetail) {
    super('otp-sent', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'otp-sent': OtpSentEvent;
  }
}
