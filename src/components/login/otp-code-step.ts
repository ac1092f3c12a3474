import { html, type TemplateResult } from 'lit';
import { otpSentId } from '../../controllers/form-ids.js';
import { METHODS } from '../../core/form-fields.js';
import type { LoginMethod } from '../../core/presets.js';
import { defaultTexts, type Texts } from './messages.js';

export interface OtpCodeStepState {
  /** The code step's form key, for the id that describes the code input. */
  key: string;
  method: LoginMethod;
  to: string;
  /** "Send again" worked: the status says so. */
  resent?: boolean;
  /** Seconds until "Send again" is allowed; 0 when it is. */
  resendIn: number;
  blocked: boolean;
  onResend: () => void;
  onChangeRecipient: () => void;
  /** The element's texts; the localized defaults when absent. */
  texts?: Texts;
}

/** "We sent a code to …" above the code input, describing it; "a new code" after "Send again", announced. */
export function renderCodeSentIntro(state: OtpCodeStepState): TemplateResult {
  const texts = state.texts ?? defaultTexts;
  const { to } = state;
  return html`<p part="otp-sent" id=${otpSentId(state.key)} role="status">
    ${state.resent ? texts.get('otp.resent-to', { to }) : texts.get('otp.sent-to', { to })}
  </p>`;
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
