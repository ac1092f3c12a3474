import { msg } from '@lit/localize';
import type { FormStep } from '../../core/form-fields.js';
import type { LoginMethod } from '../../core/presets.js';

/** The name of a method's tab. */
export function methodLabel(method: LoginMethod): string {
  switch (method) {
    case 'password':
      return msg('Password', { id: 'jwt-login.method.password' });
    case 'api-key':
      return msg('API key', { id: 'jwt-login.method.api-key' });
    case 'phone-otp':
      return msg('Phone', { id: 'jwt-login.method.phone-otp' });
    case 'email-otp':
      return msg('E-mail code', { id: 'jwt-login.method.email-otp' });
  }
}

/** The submit button's text, idle and busy. */
export function submitLabels(step: FormStep): { idle: string; busy: string } {
  switch (step) {
    case 'sign-in':
      return {
        idle: msg('Sign in', { id: 'jwt-login.submit.sign-in' }),
        busy: msg('Signing in…', { id: 'jwt-login.submit.signing-in' }),
      };
    case 'request-code':
      return {
        idle: msg('Send code', { id: 'jwt-login.submit.send-code' }),
        busy: msg('Sending code…', { id: 'jwt-login.submit.sending-code' }),
      };
    case 'submit-code':
      return {
        idle: msg('Verify and sign in', { id: 'jwt-login.submit.verify' }),
        busy: msg('Verifying…', { id: 'jwt-login.submit.verifying' }),
      };
  }
}
