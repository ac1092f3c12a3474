import { msg } from '@lit/localize';
import type { WidgetConfig } from '../../core/config.js';
import { type FormStep, type InputName, formFields } from '../../core/form-fields.js';
import type { LoginMethod } from '../../core/presets.js';

export type { InputName };

/** How one input is rendered: type and autocomplete for browsers and password managers, localized texts. */
export interface InputField {
  name: InputName;
  type: 'text' | 'email' | 'password' | 'tel';
  autocomplete: AutoFill;
  inputmode?: 'numeric' | 'email' | 'tel';
  /** An identifier: no autocapitalization, no spellcheck. */
  identifier: boolean;
  label: () => string;
  /** A hint under the label, when the label alone is not enough. */
  hint?: () => string;
  required: () => string;
}

const FIELDS: Record<InputName, InputField> = {
  tenant: {
    name: 'tenant',
    type: 'text',
    autocomplete: 'organization',
    identifier: true,
    label: () => msg('Tenant', { id: 'jwt-login.field.tenant' }),
    required: () => msg('Enter your tenant.', { id: 'jwt-login.field.tenant.required' }),
  },
  email: {
    name: 'email',
    type: 'email',
    autocomplete: 'username',
    inputmode: 'email',
    identifier: true,
    label: () => msg('E-mail', { id: 'jwt-login.field.email' }),
    required: () => msg('Enter your e-mail address.', { id: 'jwt-login.field.email.required' }),
  },
  username: {
    name: 'username',
    type: 'text',
    autocomplete: 'username',
    identifier: true,
    label: () => msg('User name', { id: 'jwt-login.field.username' }),
    required: () => msg('Enter your user name.', { id: 'jwt-login.field.username.required' }),
  },
  password: {
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    identifier: false,
    label: () => msg('Password', { id: 'jwt-login.field.password' }),
    required: () => msg('Enter your password.', { id: 'jwt-login.field.password.required' }),
  },
  clientId: {
    name: 'clientId',
    type: 'text',
    autocomplete: 'username',
    identifier: true,
    label: () => msg('Client ID', { id: 'jwt-login.field.client-id' }),
    required: () => msg('Enter your client ID.', { id: 'jwt-login.field.client-id.required' }),
  },
  clientKey: {
    name: 'clientKey',
    type: 'password',
    autocomplete: 'current-password',
    identifier: false,
    label: () => msg('Client key', { id: 'jwt-login.field.client-key' }),
    required: () => msg('Enter your client key.', { id: 'jwt-login.field.client-key.required' }),
  },
  phoneNumber: {
    name: 'phoneNumber',
    type: 'tel',
    autocomplete: 'tel',
    inputmode: 'tel',
    identifier: true,
    label: () => msg('Phone number', { id: 'jwt-login.field.phone' }),
    required: () => msg('Enter your phone number.', { id: 'jwt-login.field.phone.required' }),
  },
  code: {
    name: 'code',
    type: 'text',
    autocomplete: 'one-time-code',
    inputmode: 'numeric',
    identifier: true,
    label: () => msg('Code', { id: 'jwt-login.field.code' }),
    required: () => msg('Enter the code you received.', { id: 'jwt-login.field.code.required' }),
  },
  branchId: {
    name: 'branchId',
    type: 'text',
    autocomplete: 'off',
    identifier: true,
    label: () => msg('Branch', { id: 'jwt-login.field.branch' }),
    required: () => msg('Enter the branch.', { id: 'jwt-login.field.branch.required' }),
  },
};

/** auth-login's `username` takes a user name, an e-mail or a phone number: say so. */
const ANY_IDENTIFIER_HINT = () =>
  msg('Your user name, e-mail address or phone number.', { id: 'jwt-login.field.username.any-hint' });

const PHONE_HINT = () =>
  msg('With the country code, e.g. +43 664 1234567.', { id: 'jwt-login.field.phone.hint' });

export interface InputFieldContext {
  /** The preset's user name also takes an e-mail or phone number. */
  anyIdentifier?: boolean;
  /** The form also asks for a password: the e-mail is then the account's user name. */
  withPassword?: boolean;
}

export function inputField(name: InputName, context: InputFieldContext = {}): InputField {
  const field = FIELDS[name];
  if (name === 'username' && context.anyIdentifier) return { ...field, hint: ANY_IDENTIFIER_HINT };
  if (name === 'email' && !context.withPassword) return { ...field, autocomplete: 'email' };
  if (name === 'phoneNumber') return { ...field, hint: PHONE_HINT };
  return field;
}

/** The inputs of a method's form at a step, in order; the tenant only when the element has none. */
export function fieldsFor(config: WidgetConfig, method: LoginMethod, step: FormStep, tenantKnown: boolean): InputField[] {
  const names = formFields(config.preset, method, step, { tenantKnown });
  const context = { anyIdentifier: config.preset.usernameTakesAnyIdentifier, withPassword: names.includes('password') };
  return names.map((name) => inputField(name, context));
}
