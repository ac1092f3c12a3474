import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import type { FieldProblem } from '../../core/validation.js';
import type { InputField, InputName } from './fields.js';
import { fieldProblemMessage } from './messages.js';

export interface CredentialsFormState {
  /** Unique within the element; prefixes the ids of the form's inputs. */
  key: string;
  fields: InputField[];
  problems: Partial<Record<InputName, FieldProblem>>;
  /** No submit now: a request is in flight, or a countdown runs. */
  blocked: boolean;
  /** This form's own request is in flight. */
  busy: boolean;
  submitLabel: string;
  /** The localized error of the last attempt, shown in the alert region. */
  error: string | undefined;
  /** Shown above the inputs (the OTP step's "code sent to …"). */
  intro?: TemplateResult;
  /** Shown below the submit button (the OTP step's "send again"). */
  actions?: TemplateResult;
  onSubmit: (event: SubmitEvent) => void;
}

export const inputId = (formKey: string, name: InputName) => `jwt-login-${formKey.replace(':', '-')}-${name}`;

function renderInput(state: CredentialsFormState, field: InputField): TemplateResult {
  const problem = state.problems[field.name];
  const id = inputId(state.key, field.name);
  const hintId = field.hint ? `${id}-hint` : undefined;
  const problemId = problem ? `${id}-problem` : undefined;
  const describedBy = [hintId, problemId].filter(Boolean).join(' ') || undefined;
  return html`
    <div part="field">
      <label part="label" for=${id}>${field.label()}</label>
      ${field.hint ? html`<div part="hint" id=${hintId!}>${field.hint()}</div>` : nothing}
      <input
        part="input"
        id=${id}
        name=${field.name}
        type=${field.type}
        .autocomplete=${field.autocomplete}
        inputmode=${ifDefined(field.inputmode)}
        autocapitalize=${field.identifier ? 'none' : 'off'}
        spellcheck="false"
        required
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy)}
      />
      ${problem ? html`<div part="field-error" id=${problemId!}>${fieldProblemMessage(problem, field)}</div>` : nothing}
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
    >
      ${state.intro ?? nothing} ${state.fields.map((field) => renderInput(state, field))}
      ${state.error ? html`<div part="error" role="alert">${state.error}</div>` : nothing}
      <button part="submit" type="submit" aria-disabled=${state.blocked ? 'true' : 'false'}>${state.submitLabel}</button>
      ${state.actions ?? nothing}
    </form>
    `,
  )}`;
}
