import { type FormStep, METHODS } from '../../core/form-fields.js';
import type { LoginMethod } from '../../core/presets.js';
import { defaultTexts, type Texts } from './messages.js';

/** The name of a method's tab. */
export function methodLabel(method: LoginMethod, texts: Texts = defaultTexts): string {
  return texts.get(METHODS[method].labelText);
}

/** The submit button's text, idle and busy. */
export function submitLabels(step: FormStep, texts: Texts = defaultTexts): { idle: string; busy: string } {
  const keys = {
    'sign-in': ['submit.sign-in', 'submit.signing-in'],
    'request-code': ['submit.send-code', 'submit.sending-code'],
    'submit-code': ['submit.verify', 'submit.verifying'],
  } as const satisfies Record<FormStep, readonly [string, string]>;
  const [idle, busy] = keys[step];
  return { idle: texts.get(idle), busy: texts.get(busy) };
}
