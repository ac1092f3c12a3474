import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FieldValues, LoginMethod } from '../core/presets.js';
import { CountdownController } from './countdown-controller.js';

/** Seconds before "Send again" is offered, unless the server asks for longer. */
const RESEND_AFTER_SECONDS = 30;

/** An OTP whose code was sent: where to, and what step one sent, for step two and "send again". */
export interface SentCode {
  to: string;
  values: FieldValues;
  tenant?: string;
  /** "Send again" worked: announced as a new code. */
  resent?: boolean;
}

/**
 * The OTP codes sent, per method, and when each may be sent again: 30 s after a code went
 * out, or as long as a rate-limited "Send again" was told to wait.
 */
export class SentCodeController implements ReactiveController {
  #sent: Partial<Record<LoginMethod, SentCode>> = {};

  readonly #host: ReactiveControllerHost;
  readonly #countdown: CountdownController;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    this.#countdown = new CountdownController(host);
    host.addController(this);
  }

  hostConnected(): void {}

  get(method: LoginMethod): SentCode | undefined {
    return this.#sent[method];
  }

  /** Seconds until "Send again" is allowed; 0 when it is. */
  resendIn(method: LoginMethod): number {
    return this.#countdown.remaining(`resend:${method}`);
  }

  /** A code went out (again, when one was already sent). */
  sent(method: LoginMethod, code: SentCode): void {
    this.#sent = { ...this.#sent, [method]: { ...code, resent: Boolean(this.#sent[method]) } };
    this.#waitToResend(method, RESEND_AFTER_SECONDS);
  }

  /** "Send again" was refused as too soon: wait as long as the server says. */
  resendRefused(method: LoginMethod, retryAfter: number | undefined): void {
    this.#waitToResend(method, retryAfter ?? RESEND_AFTER_SECONDS);
  }

  /** "Use another number / address": the method is back at step one. */
  forget(method: LoginMethod): void {
    const { [method]: _forgotten, ...rest } = this.#sent;
    this.#sent = rest;
    this.#host.requestUpdate();
  }

  clear(): void {
    this.#sent = {};
  }

  #waitToResend(method: LoginMethod, seconds: number): void {
    this.#countdown.start(`resend:${method}`, seconds);
  }
}
