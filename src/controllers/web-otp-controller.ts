import type { ReactiveController, ReactiveControllerHost } from 'lit';

interface OtpCredential extends Credential {
  code: string;
}

/**
 * Offers the code of an incoming SMS where the browser has the WebOTP API
 * (Chrome on Android): the browser asks the user, then hands over the code.
 */
export class WebOtpController implements ReactiveController {
  #pending: AbortController | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  static get supported(): boolean {
    return typeof window !== 'undefined' && 'OTPCredential' in window;
  }

  /** Waits for an SMS code; `onCode` runs once if the user allows it. A new call replaces the last. */
  listen(onCode: (code: string) => void): void {
    this.stop();
    if (!WebOtpController.supported) return;
    const pending = (this.#pending = new AbortController());
    navigator.credentials
      .get({ otp: { transport: ['sms'] }, signal: pending.signal } as CredentialRequestOptions)
      .then((credential) => {
        if (!pending.signal.aborted && credential && 'code' in credential) onCode((credential as OtpCredential).code);
      })
      // Declined, timed out or aborted: the user types the code instead.
      .catch(() => undefined);
  }

  stop(): void {
    this.#pending?.abort();
    this.#pending = undefined;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }
}
