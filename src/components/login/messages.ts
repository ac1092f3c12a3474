import { msg, str } from '@lit/localize';
import type { LoginErrorCode, LoginErrorDetail } from '../../core/errors.js';
import type { FieldProblem } from '../../core/validation.js';
import type { InputField } from './fields.js';

/** The one place an error code becomes words for the user. */
export function errorMessage(detail: LoginErrorDetail): string {
  const messages: Record<LoginErrorCode, () => string> = {
    'config-error': () =>
      msg(str`This sign-in form is not set up correctly: ${detail.message}.`, { id: 'jwt-login.error.config' }),
    'invalid-input': () => msg('Please check what you entered.', { id: 'jwt-login.error.invalid-input' }),
    'bad-credentials': () =>
      msg('These sign-in details were not accepted. Check them and try again.', { id: 'jwt-login.error.bad-credentials' }),
    'account-not-validated': () =>
      msg('Your account is not confirmed yet. Follow the link in the e-mail we sent you.', {
        id: 'jwt-login.error.account-not-validated',
      }),
    'inactive-account': () =>
      msg('This account has been disabled.', { id: 'jwt-login.error.inactive-account' }),
    'token-expired': () => msg('Your session has expired. Please sign in again.', { id: 'jwt-login.error.token-expired' }),
    'invalid-code': () => msg('That code is not valid. Check it and try again.', { id: 'jwt-login.error.invalid-code' }),
    'rate-limited': () => msg('Too many attempts. Please wait a moment.', { id: 'jwt-login.error.rate-limited' }),
    'signature-rejected': () =>
      msg('The server refused this request. Please reload the page and try again.', {
        id: 'jwt-login.error.signature-rejected',
      }),
    forbidden: () => msg('You are not allowed to sign in here.', { id: 'jwt-login.error.forbidden' }),
    'not-found': () =>
      msg('The sign-in service was not found. The address or tenant may be wrong.', { id: 'jwt-login.error.not-found' }),
    'server-error': () =>
      msg('The sign-in service has a problem. Please try again later.', { id: 'jwt-login.error.server-error' }),
    'network-error': () =>
      globalThis.navigator?.onLine === false
        ? msg('You are offline. Connect to the internet and try again.', { id: 'jwt-login.error.offline' })
        : msg('The sign-in service could not be reached. Check your connection and try again.', {
            id: 'jwt-login.error.network-error',
          }),
    timeout: () => msg('The sign-in service took too long to answer. Please try again.', { id: 'jwt-login.error.timeout' }),
    'invalid-response': () =>
      msg('The sign-in service gave an answer we could not use.', { id: 'jwt-login.error.invalid-response' }),
    'refresh-failed': () =>
      msg('Your session could not be renewed. Please sign in again.', { id: 'jwt-login.error.refresh-failed' }),
  };
  return messages[detail.code]();
}

/** The message shown next to a field whose value cannot be sent. */
export function fieldProblemMessage(problem: FieldProblem, field: InputField): string {
  switch (problem) {
    case 'required':
      return field.required();
    case 'invalid-email':
      return msg('Enter an e-mail address like name@example.com.', { id: 'jwt-login.field.invalid-email' });
    case 'invalid-phone':
      return msg('Enter a phone number with its country code, like +43 664 1234567.', {
        id: 'jwt-login.field.invalid-phone',
      });
  }
}
