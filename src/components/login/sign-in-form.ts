import { html, nothing, type TemplateResult } from 'lit';
import { formKey } from '../../controllers/form-ids.js';
import type { SignInController } from '../../controllers/sign-in-controller.js';
import type { WidgetConfig } from '../../core/config.js';
import type { FormStep } from '../../core/form-fields.js';
import type { LoginMethod } from '../../core/presets.js';
import { renderCredentialsForm } from './credentials-form.js';
import type { InputField } from './fields.js';
import { errorMessage, type Texts } from './messages.js';
import { submitLabels } from './method-labels.js';
import { panelId, renderMethodTabs, tabId } from './method-tabs.js';
import { renderCodeSentIntro, renderCodeStepActions } from './otp-code-step.js';

/** What the sign-in view reads: the flow's state, and the inputs of each form. */
export interface SignInViewState {
  config: WidgetConfig;
  signIn: SignInController;
  fields: (method: LoginMethod, step: FormStep) => InputField[];
  texts: Texts;
}

function renderForm({ config, signIn, fields, texts }: SignInViewState, method: LoginMethod): TemplateResult {
  const step = signIn.currentStep(config, method);
  const key = formKey(method, step);
  const waitSeconds = signIn.waitSeconds(key);
  const labels = submitLabels(step, texts);
  const wait = waitSeconds > 0 ? texts.get('submit.wait', { waitSeconds }) : undefined;
  const error = signIn.error(key);
  const sent = signIn.sentCodes.get(method);
  const codeStep =
    step === 'submit-code' && sent
      ? {
          key,
          method,
          to: sent.to,
          ...(sent.resent ? { resent: true } : {}),
          resendIn: signIn.sentCodes.resendIn(method),
          blocked: Boolean(signIn.busy),
          onResend: () => signIn.resend(method),
          onChangeRecipient: () => void signIn.changeRecipient(method),
          texts,
        }
      : undefined;
  return renderCredentialsForm({
    key,
    fields: fields(method, step),
    problems: signIn.problems(key),
    blocked: Boolean(signIn.busy) || waitSeconds > 0,
    busy: signIn.busy === key,
    submitLabel: signIn.busy === key ? labels.busy : (wait ?? labels.idle),
    submitLabels: [labels.idle, labels.busy, ...(wait ? [wait] : [])],
    error: error ? errorMessage(error, texts) : undefined,
    ...(codeStep ? { intro: renderCodeSentIntro(codeStep), actions: renderCodeStepActions(codeStep) } : {}),
    revealed: signIn.secrets.revealed,
    capsLock: signIn.secrets.capsLock,
    onToggleReveal: (id) => signIn.secrets.toggleReveal(id),
    onSecretKey: (event) => signIn.secrets.noteKey(event),
    onSubmit: (event) => void signIn.submit(event, method, step),
    onCancel: () => void signIn.cancel(),
    texts,
  });
}

/** The signed-out view: the method tabs (two or more methods) and the selected method's form. */
export function renderSignIn(state: SignInViewState): TemplateResult {
  const { config, signIn } = state;
  const active = signIn.activeMethod(config);
  if (config.methods.length === 1) return renderForm(state, active);
  // Only the selected panel has content: hidden copies of the same labels would make
  // "the input labelled E-mail" ambiguous. For the same reason the panels take no
  // accessible name from their tabs ("E-mail code" would match /e-?mail/ and /code/);
  // each tab names its panel through aria-controls.
  return html`
    ${renderMethodTabs({
      methods: config.methods,
      active,
      texts: state.texts,
      onSelect: (method, focus) => void signIn.select(method, focus ? tabId(method) : undefined),
    })}
    <div>
      ${config.methods.map(
        (method) => html`
          <div part="panel" role="tabpanel" id=${panelId(method)} ?hidden=${method !== active}>
            ${method === active ? renderForm(state, active) : nothing}
          </div>
        `,
      )}
    </div>
  `;
}
