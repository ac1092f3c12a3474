import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldProblem } from '../../core/validation.js';
import type { InputField, InputName } from './fields.js';
import { fieldProblemMessage } from './messages.js';

export interface CredentialsFormState {
  fields: InputField[];
  problems: Partial<Record<InputName, FieldProblem>>;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  /** The localized error of the last attempt, shown in the alert region. */
  error: string | undefined;
  onSubmit: (event: SubmitEvent) => void;
}

function renderInput(field: InputField, problem: FieldProblem | undefined): TemplateResult {
  const id = `jwt-login-${field.name}`;
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
 * One sign-in form. Inputs are uncontrolled: values live in the DOM, so a
 * re-render (busy, error, language) never loses what was typed, and they are
 * read with FormData at submit time, after any autofill.
 */
export function renderCredentialsForm(state: CredentialsFormState): TemplateResult {
  return html`
    <form part="form" novalidate aria-busy=${state.busy ? 'true' : 'false'} @submit=${state.onSubmit}>
      ${state.fields.map((field) => renderInput(field, state.problems[field.name]))}
      ${state.error ? html`<div part="error" role="alert">${state.error}</div>` : nothing}
      <button part="submit" type="submit" aria-disabled=${state.busy ? 'true' : 'false'}>
        ${state.busy ? state.busyLabel : state.submitLabel}
      </button>
    </form>
  `;
}
