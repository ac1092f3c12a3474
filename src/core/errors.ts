import type { LoginMethod } from './presets.js';

/** Every error code the widget reports (CONTRACT.md, "Error code"). */
export const LOGIN_ERROR_CODES = [
  'config-error',
  'invalid-input',
  'bad-credentials',
  'account-not-validated',
  'inactive-account',
  'token-expired',
  'invalid-code',
  'rate-limited',
  'signature-rejected',
  'forbidden',
  'not-found',
  'server-error',
  'network-error',
  'timeout',
  'invalid-response',
  'refresh-failed',
] as const;

export type LoginErrorCode = (typeof LOGIN_ERROR_CODES)[number];

/** Codes only the widget can know: its configuration, the network, a timeout, an unreadable answer. */
const WIDGET_ONLY_CODES = ['config-error', 'network-error', 'timeout', 'invalid-response'] as const;
export type ServerErrorCode = Exclude<LoginErrorCode, (typeof WIDGET_ONLY_CODES)[number]>;

/** The codes a server's answer may map to: every other one. */
export const SERVER_ERROR_CODES: readonly ServerErrorCode[] = LOGIN_ERROR_CODES.filter(
  (code): code is ServerErrorCode => !(WIDGET_ONLY_CODES as readonly string[]).includes(code),
);

export function isServerErrorCode(value: unknown): value is ServerErrorCode {
  return typeof value === 'string' && (SERVER_ERROR_CODES as readonly string[]).includes(value);
}

/** What a failed call was doing; decides what a bare 401 means. */
export type CallPurpose = 'credentials' | 'otp-request' | 'otp-verify' | 'refresh' | 'external-token' | 'sign-out';

/** The `detail` of a `login-error` event. */
export interface LoginErrorDetail {
  code: LoginErrorCode;
  /** Developer-facing English description; the UI shows its own localized text. */
  message: string;
  method: LoginMethod | 'refresh' | 'external-token' | 'sign-out' | null;
  status?: number;
  traceId?: string;
  retryAfter?: number;
  serverCode?: string;
  /** The server's own message, as text. */
  serverMessage?: string;
  /** Extra data the server attached (auth-login's `extra_attributes`, datarhei's `details`). */
  extra?: unknown;
  /** For `config-error` and `invalid-input`: the attribute or field at fault. */
  field?: string;
}

/** An error with a contract code: the only kind of failure the core reports. */
export class LoginError extends Error {
  readonly code: LoginErrorCode;
  readonly detail: LoginErrorDetail;

  constructor(detail: LoginErrorDetail, options?: { cause?: unknown }) {
    super(detail.message, options);
    this.name = 'LoginError';
    this.code = detail.code;
    this.detail = detail;
  }
}

export function isLoginErrorCode(value: unknown): value is LoginErrorCode {
  return typeof value === 'string' && (LOGIN_ERROR_CODES as readonly string[]).includes(value);
}

export function configError(field: string, message: string): LoginError {
  return new LoginError({ code: 'config-error', message, method: null, field });
}

/** A part of the split build that did not arrive (offline, a redeploy): a network-error; it is asked for again next time. */
export function chunkMissing(what: string): LoginError {
  return new LoginError({ code: 'network-error', message: `${what} could not be loaded`, method: null });
}

/** Any failure as a LoginError: one already is, anything else is an answer the widget could not use. */
export function asLoginError(error: unknown): LoginError {
  if (error instanceof LoginError) return error;
  const message = error instanceof Error ? error.message : 'Unexpected failure';
  return new LoginError({ code: 'invalid-response', message, method: null });
}
