import { html, type TemplateResult } from 'lit';
import { METHODS } from '../../core/form-fields.js';
import type { LoginMethod } from '../../core/presets.js';
import { defaultTexts, type Texts } from './messages.js';

export interface OtpCodeStepState {
  method: LoginMethod;
  to: string;
  /** Seconds until "Send again" is allowed; 0 when it is. */
  resendIn: number;
  blocked: boolean;
  onResend: () => void;
  onChangeRecipient: () => void;
  /** The element's texts; the localized defaults when absent. */
  texts?: Texts;
}

/** "We sent a code to …", above the code input. */
export function renderCodeSentIntro(state: OtpCodeStepState): TemplateResult {
  const texts = state.texts ?? defaultTexts;
  return html`<p part="otp-sent" role="status">${texts.get('otp.sent-to', { to: state.to })}</p>`;
}

/** "Send again" (after a countdown) and "Use another number / address", below the submit button. */
export function renderCodeStepActions(state: OtpCodeStepState): TemplateResult {
  const texts = state.texts ?? defaultTexts;
  const { resendIn } = state;
  const resendLabel = resendIn > 0 ? texts.get('otp.resend-in', { resendIn }) : texts.get('otp.resend');
  const change = METHODS[state.method].otp?.changeRecipientText;
  return html`
    <div part="otp-actions">
      <button part="resend" type="button" aria-disabled=${resendIn > 0 || state.blocked ? 'true' : 'false'} @click=${state.onResend}>
        ${resendLabel}
      </button>
      ${change
        ? html`<button part="change-recipient" type="button" @click=${state.onChangeRecipient}>${texts.get(change)}</button>`
        : ''}
    </div>
  `;
}
