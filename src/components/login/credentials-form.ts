import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { errorId, inputId, otpSentId, submitId } from '../../controllers/form-ids.js';
import type { FieldProblem } from '../../core/validation.js';
import type { InputField, InputName } from './fields.js';
import { defaultTexts, fieldProblemMessage, type Texts } from './messages.js';

export interface CredentialsFormState {
  /** Unique within the element; prefixes the ids of the form's inputs. */
  key: string;
  fields: InputField[];
  problems: Partial<Record<InputName, FieldProblem>>;
  /** No submit now: a request is in flight, or a countdown runs. */
  blocked: boolean;
  /** This form's own request is in flight. */
  busy: boolean;
  /** The submit button's texts: the one shown, and all it may show. */
  submitLabel: string;
  submitLabels: string[];
  /** The localized error of the last attempt, shown in the alert region. */
  error: string | undefined;
  /** Shown above the inputs (the OTP step's "code sent to …", with the id `otpSentId(key)`, which describes the code input). */
  intro?: TemplateResult;
  /** Shown below the submit button (the OTP step's "send again"). */
  actions?: TemplateResult;
  /** Ids of the secret inputs shown in clear text. */
  revealed: ReadonlySet<string>;
  /** Caps Lock was on at the last key press in a secret input. */
  capsLock: boolean;
  onToggleReveal: (inputId: string) => void;
  onSecretKey: (event: KeyboardEvent) => void;
  onSubmit: (event: SubmitEvent) => void;
  /** Cancel or Escape while this form's request is in flight. */
  onCancel: () => void;
  /** The element's texts; the localized defaults when absent. */
  texts?: Texts;
}

function renderInput(state: CredentialsFormState, field: InputField): TemplateResult {
  const texts = state.texts ?? defaultTexts;
  const problem = state.problems[field.name];
  const id = inputId(state.key, field.name);
  const hintId = field.hint ? `${id}-hint` : undefined;
  const problemId = problem ? `${id}-problem` : undefined;
  const secret = field.type === 'password';
  const revealed = secret && state.revealed.has(id);
  const capsLockId = secret && state.capsLock ? `${id}-caps-lock` : undefined;
  const introId = state.intro && field.name === 'code' ? otpSentId(state.key) : undefined;
  const describedBy = [introId, hintId, problemId, capsLockId].filter(Boolean).join(' ') || undefined;
  const input = html`
      <input
        part="input"
        id=${id}
        name=${field.name}
        type=${revealed ? 'text' : field.type}
        .autocomplete=${field.autocomplete}
        inputmode=${ifDefined(field.inputmode)}
        autocapitalize=${field.identifier ? 'none' : 'off'}
        spellcheck="false"
        required
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy)}
        @keydown=${secret ? state.onSecretKey : nothing}
        @keyup=${secret ? state.onSecretKey : nothing}
      />
  `;
  return html`
    <div part="field">
      <label part="label" id=${`${id}-label`} for=${id}>${texts.get(field.label)}</label>
      ${field.hint ? html`<div part="hint" id=${hintId!}>${texts.get(field.hint)}</div>` : nothing}
      ${secret
        ? // The toggle is named "Show" and described by the field's label: a name like
          // "Show password" would make "the input labelled Password" ambiguous.
          html`<div part="input-row">
            ${input}
            <button
              part="reveal"
              type="button"
              aria-pressed=${revealed ? 'true' : 'false'}
              aria-controls=${id}
              aria-describedby=${`${id}-label`}
              @click=${() => state.onToggleReveal(id)}
            >
              ${texts.get(revealed ? 'field.conceal' : 'field.reveal')}
            </button>
          </div>`
        : input}
      ${capsLockId
        ? html`<div part="caps-lock" id=${capsLockId} role="status">
            ${texts.get('field.caps-lock')}
          </div>`
        : nothing}
      ${problem ? html`<div part="field-error" id=${problemId!}>${fieldProblemMessage(problem, field.required, texts)}</div>` : nothing}
    </div>
  `;
}

/**
 * One sign-in form. Inputs are uncontrolled: values live in the DOM, so a re-render (busy, error, language, another tab) never
 * loses what was typed, and they are read with FormData at submit time, after
 * any autofill.
 */
export function renderCredentialsForm(state: CredentialsFormState): TemplateResult {
  // Keyed: another form in the same place gets new inputs, never the last form's values.
  return html`${keyed(
    state.key,
    html`
    <form
      part="form"
      novalidate
      data-form=${state.key}
      aria-busy=${state.busy ? 'true' : 'false'}
      @submit=${state.onSubmit}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape' && state.busy) state.onCancel();
      }}
    >
      ${state.intro ?? nothing} ${state.fields.map((field) => renderInput(state, field))}
      <button part="submit" id=${submitId(state.key)} type="submit" aria-disabled=${state.blocked ? 'true' : 'false'}>
        <span class="labels">
          ${state.submitLabels.map(
            (label) => html`<span class="label" ?data-active=${label === state.submitLabel}>${label}</span>`,
          )}
        </span>
      </button>
      ${state.actions ?? nothing}
      <div part="feedback">
        ${state.busy
          ? // In the room kept for the error, which a busy form has none of: Cancel shifts nothing.
            html`<button part="cancel" type="button" @click=${state.onCancel}>${(state.texts ?? defaultTexts).get('submit.cancel')}</button>`
          : state.error
            ? html`<div part="error" id=${errorId(state.key)} role="alert" tabindex="-1">${state.error}</div>`
            : nothing}
      </div>
    </form>
    `,
  )}`;
}
