import { METHODS, type OtpChannel } from './methods.js';
import { type FieldName, type LoginMethod, type Preset, presetNeedsTenant } from './presets.js';

export { METHODS, type MethodFacts, type MethodTextKey, type OtpChannel } from './methods.js';

/** Which call a form makes: a one-step sign-in, or an OTP's code request and code submission. */
export type FormStep = 'sign-in' | 'request-code' | 'submit-code';

/** The field names a form can show: the preset's request fields, plus the tenant. */
export type InputName = Exclude<FieldName, 'refreshToken'> | 'tenant';

/** Values the widget supplies itself rather than asking for. */
const NOT_ASKED: ReadonlySet<FieldName> = new Set(['branchId', 'refreshToken']);

function bodyFields(fields: Partial<Record<FieldName, string>> | undefined): InputName[] {
  return Object.keys(fields ?? {}).filter((name): name is InputName => !NOT_ASKED.has(name as FieldName));
}

/** The first step of a method: `request-code` for OTP methods, else `sign-in`. */
export function firstStep(preset: Preset, method: LoginMethod): FormStep {
  return preset.methods[method]?.request ? 'request-code' : 'sign-in';
}

/**
 * The inputs a form shows, in order. The code step asks only for what the
 * code request did not (the code); the rest is carried over from step one.
 */
export function formFields(
  preset: Preset,
  method: LoginMethod,
  step: FormStep,
  options: { tenantKnown: boolean },
): InputName[] {
  const endpoints = preset.methods[method];
  if (!endpoints) return [];
  const asked = bodyFields(step === 'request-code' ? endpoints.request?.body : endpoints.submit.body);
  const names =
    step === 'submit-code' ? asked.filter((name) => !bodyFields(endpoints.request?.body).includes(name)) : asked;
  return step !== 'submit-code' && presetNeedsTenant(preset) && !options.tenantKnown ? ['tenant', ...names] : names;
}

/** Where a method's one-time code goes; undefined for one-step methods. */
export function otpChannel(method: LoginMethod): OtpChannel | undefined {
  return METHODS[method].otp?.channel;
}
