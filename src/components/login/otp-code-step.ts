import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { LoginMethod } from '../../core/presets.js';

export interface OtpCodeStepState {
  method: LoginMethod;
  to: string;
  /** Seconds until "Send again" is allowed; 0 when it is. */
  resendIn: number;
  blocked: boolean;
  onResend: () => void;
  onChangeRecipient: () => void;
}

/** "We sent a code to …", above the code input. */
export function renderCodeSentIntro(state: OtpCodeStepState): TemplateResult {
  return html`<p part="otp-sent" role="status">
    ${msg(str`We sent a code to ${state.to}.`, { id: 'jwt-login.otp.sent-to' })}
  </p>`;
}

/** "Send again" (after a countdown) and "Use another number / address", below the submit button. */
export function renderCodeStepActions(state: OtpCodeStepState): TemplateResult {
  const resendLabel =
    state.resendIn > 0
      ? msg(str`Send again in ${state.resendIn} s`, { id: 'jwt-login.otp.resend-in' })
      : msg('Send again', { id: 'jwt-login.otp.resend' });
  const changeLabel =
    state.method === 'phone-otp'
      ? msg('Use another number', { id: 'jwt-login.otp.change-phone' })
      : msg('Use another address', { id: 'jwt-login.otp.change-email' });
  return html`
    <div part="otp-actions">
      <button
        part="resend"
        type="button"
        aria-disabled=${state.resendIn > 0 || state.blocked ? 'true' : 'false'}
        @click=${state.onResend}
      >
        ${resendLabel}
      </button>
      <button part="change-recipient" type="button" @click=${state.onChangeRecipient}>${changeLabel}</button>
    </div>
  `;
}
