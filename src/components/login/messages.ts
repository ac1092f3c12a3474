import { msg, str } from '@lit/localize';
import type { LoginErrorCode, LoginErrorDetail } from '../../core/errors.js';
import type { MethodTextKey } from '../../core/form-fields.js';
import type { FieldProblem } from '../../core/validation.js';
import type { SESSION_TEXTS } from './session-texts.js';

// Every visible text of <jwt-login>, by key: the @lit/localize id without `jwt-login.`, so the
// translations in xliff/*.xlf are found under the same name. A text with values takes them
// as one object; an override writes them as `{name}`.
const DEFAULTS = {
  'field.tenant': () => msg('Tenant', { id: 'jwt-login.field.tenant' }),
  'field.tenant.required': () => msg('Enter your tenant.', { id: 'jwt-login.field.tenant.required' }),
  'field.email': () => msg('E-mail', { id: 'jwt-login.field.email' }),
  'field.email.required': () => msg('Enter your e-mail address.', { id: 'jwt-login.field.email.required' }),
  'field.username': () => msg('User name', { id: 'jwt-login.field.username' }),
  'field.username.required': () => msg('Enter your user name.', { id: 'jwt-login.field.username.required' }),
  'field.username.any-hint': () =>
    msg('Your user name, e-mail address or phone number.', { id: 'jwt-login.field.username.any-hint' }),
  'field.password': () => msg('Password', { id: 'jwt-login.field.password' }),
  'field.password.required': () => msg('Enter your password.', { id: 'jwt-login.field.password.required' }),
  'field.client-id': () => msg('Client ID', { id: 'jwt-login.field.client-id' }),
  'field.client-id.required': () => msg('Enter your client ID.', { id: 'jwt-login.field.client-id.required' }),
  'field.client-key': () => msg('Client key', { id: 'jwt-login.field.client-key' }),
  'field.client-key.required': () => msg('Enter your client key.', { id: 'jwt-login.field.client-key.required' }),
  'field.phone': () => msg('Phone number', { id: 'jwt-login.field.phone' }),
  'field.phone.required': () => msg('Enter your phone number.', { id: 'jwt-login.field.phone.required' }),
  'field.phone.hint': () => msg('With the country code, e.g. +43 664 1234567.', { id: 'jwt-login.field.phone.hint' }),
  'field.code': () => msg('Code', { id: 'jwt-login.field.code' }),
  'field.code.required': () => msg('Enter the code you received.', { id: 'jwt-login.field.code.required' }),
  'field.branch': () => msg('Branch', { id: 'jwt-login.field.branch' }),
  'field.branch.required': () => msg('Enter the branch.', { id: 'jwt-login.field.branch.required' }),
  'field.invalid-email': () => msg('Enter an e-mail address like name@example.com.', { id: 'jwt-login.field.invalid-email' }),
  'field.invalid-phone': () =>
    msg('Enter a phone number with its country code, like +43 664 1234567.', { id: 'jwt-login.field.invalid-phone' }),
  'field.reveal': () => msg('Show', { id: 'jwt-login.field.reveal' }),
  'field.conceal': () => msg('Hide', { id: 'jwt-login.field.conceal' }),
  'field.caps-lock': () => msg('Caps Lock is on.', { id: 'jwt-login.field.caps-lock' }),

  'tabs.label': () => msg('Sign-in method', { id: 'jwt-login.tabs.label' }),
  'method.password': () => msg('Password', { id: 'jwt-login.method.password' }),
  'method.api-key': () => msg('API key', { id: 'jwt-login.method.api-key' }),
  'method.phone-otp': () => msg('Phone', { id: 'jwt-login.method.phone-otp' }),
  'method.email-otp': () => msg('E-mail code', { id: 'jwt-login.method.email-otp' }),

  'submit.sign-in': () => msg('Sign in', { id: 'jwt-login.submit.sign-in' }),
  'submit.signing-in': () => msg('Signing in…', { id: 'jwt-login.submit.signing-in' }),
  'submit.send-code': () => msg('Send code', { id: 'jwt-login.submit.send-code' }),
  'submit.sending-code': () => msg('Sending code…', { id: 'jwt-login.submit.sending-code' }),
  'submit.verify': () => msg('Verify and sign in', { id: 'jwt-login.submit.verify' }),
  'submit.verifying': () => msg('Verifying…', { id: 'jwt-login.submit.verifying' }),
  'submit.cancel': () => msg('Cancel', { id: 'jwt-login.submit.cancel' }),
  'submit.wait': ({ waitSeconds }: { waitSeconds: number }) =>
    msg(str`Try again in ${waitSeconds} s`, { id: 'jwt-login.submit.wait' }),

  'otp.sent-to': ({ to }: { to: string }) => msg(str`We sent a code to ${to}.`, { id: 'jwt-login.otp.sent-to' }),
  'otp.resent-to': ({ to }: { to: string }) => msg(str`We sent a new code to ${to}.`, { id: 'jwt-login.otp.resent-to' }),
  'otp.resend': () => msg('Send again', { id: 'jwt-login.otp.resend' }),
  'otp.resend-in': ({ resendIn }: { resendIn: number }) =>
    msg(str`Send again in ${resendIn} s`, { id: 'jwt-login.otp.resend-in' }),
  'otp.change-phone': () => msg('Use another number', { id: 'jwt-login.otp.change-phone' }),
  'otp.change-email': () => msg('Use another address', { id: 'jwt-login.otp.change-email' }),

  'error.config': ({ message }: { message: string }) =>
    msg(str`This sign-in form is not set up correctly: ${message}.`, { id: 'jwt-login.error.config' }),
  'error.invalid-input': () => msg('Please check what you entered.', { id: 'jwt-login.error.invalid-input' }),
  'error.bad-credentials': () =>
    msg('These sign-in details were not accepted. Check them and try again.', { id: 'jwt-login.error.bad-credentials' }),
  'error.account-not-validated': () =>
    msg('Your account is not confirmed yet. Follow the link in the e-mail we sent you.', {
      id: 'jwt-login.error.account-not-validated',
    }),
  'error.inactive-account': () => msg('This account has been disabled.', { id: 'jwt-login.error.inactive-account' }),
  'error.token-expired': () => msg('Your session has expired. Please sign in again.', { id: 'jwt-login.error.token-expired' }),
  'error.invalid-code': () => msg('That code is not valid. Check it and try again.', { id: 'jwt-login.error.invalid-code' }),
  'error.rate-limited': () => msg('Too many attempts. Please wait a moment.', { id: 'jwt-login.error.rate-limited' }),
  'error.signature-rejected': () =>
    msg("The server did not accept this request's signature. Check that your device's clock is right, then try again.", {
      id: 'jwt-login.error.signature-rejected',
    }),
  'error.forbidden': () => msg('You are not allowed to sign in here.', { id: 'jwt-login.error.forbidden' }),
  'error.not-found': () =>
    msg('The sign-in service was not found. The address or tenant may be wrong.', { id: 'jwt-login.error.not-found' }),
  'error.server-error': () =>
    msg('The sign-in service has a problem. Please try again later.', { id: 'jwt-login.error.server-error' }),
  'error.offline': () => msg('You are offline. Connect to the internet and try again.', { id: 'jwt-login.error.offline' }),
  'error.network-error': () =>
    msg('The sign-in service could not be reached. Check your connection and try again.', { id: 'jwt-login.error.network-error' }),
  'error.timeout': () => msg('The sign-in service took too long to answer. Please try again.', { id: 'jwt-login.error.timeout' }),
  'error.invalid-response': () =>
    msg('The sign-in service gave an answer we could not use.', { id: 'jwt-login.error.invalid-response' }),
  'error.refresh-failed': () =>
    msg('Your session could not be renewed. Please sign in again.', { id: 'jwt-login.error.refresh-failed' }),
};

type Defaults = typeof DEFAULTS & typeof SESSION_TEXTS;

/** The defaults of the views loaded so far: the forms' at once, the signed-in view's with its chunk. */
const loadedDefaults: Partial<Defaults> = { ...DEFAULTS };

/** Adds the default texts of a view that arrived on demand (the signed-in view's). */
export function addDefaultTexts(texts: Partial<Defaults>): void {
  Object.assign(loadedDefaults, texts);
}

/** The key of a visible text: its @lit/localize id without `jwt-login.` (e.g. `field.email`). */
export type TextKey = keyof Defaults;

/** The values a text takes (`{ to }` for `otp.sent-to`), or none. */
type TextValues<Key extends TextKey> = Parameters<Defaults[Key]> extends [infer Values] ? [values: Values] : [];

/** A text that takes no values. */
export type PlainTextKey = { [Key in TextKey]: Parameters<Defaults[Key]> extends [] ? Key : never }[TextKey];

/** Overrides by text key; `{name}` in an override stands for a value, e.g. `"Code sent to {to}"`. */
export type TextTable = Partial<Record<TextKey, string>>;

/**
 * What the `i18n` property takes: overrides used in every language, and per language tag
 * (`de`, `pt-BR`) the overrides for that language only, e.g.
 * `{ "field.email": "Work e-mail", "de": { "field.email": "Dienst-E-Mail" } }`.
 */
export type TextOverrides = TextTable & { [languageTag: string]: TextTable | string | undefined };

/** The texts of one element: its overrides for its language over the localized defaults. */
export class Texts {
  readonly #tables: TextTable[];

  constructor(overrides: TextOverrides = {}, languageTag = 'en') {
    const language = languageTag.toLowerCase();
    const forTag = (tag: string): TextTable | undefined => {
      const found = Object.entries(overrides).find(([key]) => key.toLowerCase() === tag);
      return found && typeof found[1] === 'object' ? found[1] : undefined;
    };
    const tables = [forTag(language), forTag(language.split('-')[0]!), overrides as TextTable];
    this.#tables = tables.filter((table): table is TextTable => Boolean(table));
  }

  get<Key extends TextKey>(key: Key, ...[values]: TextValues<Key>): string {
    const given = values as Record<string, unknown> | undefined;
    const override = this.#tables.map((table) => table[key]).find((text) => typeof text === 'string');
    if (override === undefined) {
      const text = loadedDefaults[key] as ((values?: Record<string, unknown>) => string) | undefined;
      // Only a view whose texts are loaded renders: the key is a last resort, never seen.
      return text ? text(given) : key;
    }
    return override.replace(/\{(\w+)\}/g, (whole, name: string) => (given && name in given ? String(given[name]) : whole));
  }
}

/** The localized defaults, no overrides. */
export const defaultTexts = new Texts();

// A method's texts (core/methods.ts) must be in the table: a forgotten one fails to compile here.
const methodTexts: Record<MethodTextKey, () => string> = DEFAULTS;
void methodTexts;

const ERROR_TEXTS: Record<Exclude<LoginErrorCode, 'config-error' | 'network-error'>, PlainTextKey> = {
  'invalid-input': 'error.invalid-input',
  'bad-credentials': 'error.bad-credentials',
  'account-not-validated': 'error.account-not-validated',
  'inactive-account': 'error.inactive-account',
  'token-expired': 'error.token-expired',
  'invalid-code': 'error.invalid-code',
  'rate-limited': 'error.rate-limited',
  'signature-rejected': 'error.signature-rejected',
  forbidden: 'error.forbidden',
  'not-found': 'error.not-found',
  'server-error': 'error.server-error',
  timeout: 'error.timeout',
  'invalid-response': 'error.invalid-response',
  'refresh-failed': 'error.refresh-failed',
};

/** The one place an error code becomes words for the user. */
export function errorMessage(detail: LoginErrorDetail, texts: Texts = defaultTexts): string {
  if (detail.code === 'config-error') return texts.get('error.config', { message: detail.message });
  if (detail.code === 'network-error') {
    return texts.get(globalThis.navigator?.onLine === false ? 'error.offline' : 'error.network-error');
  }
  return texts.get(ERROR_TEXTS[detail.code]);
}

const PROBLEM_TEXTS: Record<Exclude<FieldProblem, 'required'>, PlainTextKey> = {
  'invalid-email': 'field.invalid-email',
  'invalid-phone': 'field.invalid-phone',
};

/** The message shown next to a field whose value cannot be sent. */
export function fieldProblemMessage(problem: FieldProblem, required: PlainTextKey, texts: Texts = defaultTexts): string {
  return texts.get(problem === 'required' ? required : PROBLEM_TEXTS[problem]);
}
