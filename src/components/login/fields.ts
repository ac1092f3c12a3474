import type { WidgetConfig } from '../../core/config.js';
import { type FormStep, type InputName, formFields } from '../../core/form-fields.js';
import type { LoginMethod } from '../../core/presets.js';
import type { PlainTextKey } from './messages.js';

export type { InputName };

/** How one input is rendered: type and autocomplete for browsers and password managers, localized texts. */
export interface InputField {
  name: InputName;
  type: 'text' | 'email' | 'password' | 'tel';
  autocomplete: AutoFill;
  inputmode?: 'numeric' | 'email' | 'tel';
  /** An identifier: no autocapitalization, no spellcheck. */
  identifier: boolean;
  /** Keys of its texts: the label, a hint under it when the label alone is not enough, the message when empty. */
  label: PlainTextKey;
  hint?: PlainTextKey;
  required: PlainTextKey;
}

const FIELDS: Record<InputName, InputField> = {
  tenant: {
    name: 'tenant',
    type: 'text',
    autocomplete: 'organization',
    identifier: true,
    label: 'field.tenant',
    required: 'field.tenant.required',
  },
  email: {
    name: 'email',
    type: 'email',
    autocomplete: 'username',
    inputmode: 'email',
    identifier: true,
    label: 'field.email',
    required: 'field.email.required',
  },
  username: {
    name: 'username',
    type: 'text',
    autocomplete: 'username',
    identifier: true,
    label: 'field.username',
    required: 'field.username.required',
  },
  password: {
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    identifier: false,
    label: 'field.password',
    required: 'field.password.required',
  },
  clientId: {
    name: 'clientId',
    type: 'text',
    autocomplete: 'username',
    identifier: true,
    label: 'field.client-id',
    required: 'field.client-id.required',
  },
  clientKey: {
    name: 'clientKey',
    type: 'password',
    autocomplete: 'current-password',
    identifier: false,
    label: 'field.client-key',
    required: 'field.client-key.required',
  },
  phoneNumber: {
    name: 'phoneNumber',
    type: 'tel',
    autocomplete: 'tel',
    inputmode: 'tel',
    identifier: true,
    label: 'field.phone',
    required: 'field.phone.required',
  },
  code: {
    name: 'code',
    type: 'text',
    autocomplete: 'one-time-code',
    inputmode: 'numeric',
    identifier: true,
    label: 'field.code',
    required: 'field.code.required',
  },
  branchId: {
    name: 'branchId',
    type: 'text',
    autocomplete: 'off',
    identifier: true,
    label: 'field.branch',
    required: 'field.branch.required',
  },
};

export interface InputFieldContext {
  /** The preset's user name also takes an e-mail or phone number. */
  anyIdentifier?: boolean;
  /** The form also asks for a password: the e-mail is then the account's user name. */
  withPassword?: boolean;
}

export function inputField(name: InputName, context: InputFieldContext = {}): InputField {
  const field = FIELDS[name];
  // auth-login's `username` takes a user name, an e-mail or a phone number: say so.
  if (name === 'username' && context.anyIdentifier) return { ...field, hint: 'field.username.any-hint' };
  if (name === 'email' && !context.withPassword) return { ...field, autocomplete: 'email' };
  if (name === 'phoneNumber') return { ...field, hint: 'field.phone.hint' };
  return field;
}

/** The inputs of a method's form at a step, in order; the tenant only when the element has none. */
export function fieldsFor(config: WidgetConfig, method: LoginMethod, step: FormStep, tenantKnown: boolean): InputField[] {
  const names = formFields(config.preset, method, step, { tenantKnown });
  const context = { anyIdentifier: config.preset.usernameTakesAnyIdentifier, withPassword: names.includes('password') };
  return names.map((name) => inputField(name, context));
}
