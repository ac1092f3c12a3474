import { readPath } from './dot-path.js';
import { type CallPurpose, type LoginErrorCode, type LoginErrorDetail, LoginError, isServerErrorCode } from './errors.js';
import type { ErrorMapping, ErrorRule } from './presets.js';

/** What a 401 means, by what the call was doing (CONTRACT.md, "Error code"). */
const UNAUTHORIZED: Record<CallPurpose, LoginErrorCode> = {
  credentials: 'bad-credentials',
  'external-token': 'bad-credentials',
  'sign-out': 'token-expired',
  'otp-request': 'signature-rejected',
  'otp-verify': 'invalid-code',
  refresh: 'refresh-failed',
};

function codeForStatus(status: number, purpose: CallPurpose, signed: boolean): LoginErrorCode {
  if (status === 401) return signed ? 'signature-rejected' : UNAUTHORIZED[purpose];
  if (purpose === 'refresh' && status === 403) return 'refresh-failed';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status === 400 || status === 413 || status === 422) return 'invalid-input';
  return 'server-error';
}

export const MAX_RETRY_AFTER_SECONDS = 3600;

/** `Retry-After` as seconds: either a number of seconds or an HTTP date, at most an hour. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const seconds = /^\d+$/.test(trimmed) ? Number(trimmed) : Math.ceil((Date.parse(trimmed) - now) / 1000);
  // A server asking for more than an hour would block the form until a reload: an hour it is.
  return Number.isNaN(seconds) ? undefined : Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, seconds));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export interface ErrorResponse {
  status: number;
  /** The parsed JSON body, or `undefined` when it was not JSON (an HTML error page, say). */
  body: unknown;
  headers: { get(name: string): string | null };
}

export interface ErrorContext {
  purpose: CallPurpose;
  method: LoginErrorDetail['method'];
  /** The call carried a request signature, so a 401 means the signature was refused. */
  signed: boolean;
  now: number;
  /** The call's error mapping, then the API's: where the server's code and message are, and rules. */
  mappings?: ReadonlyArray<ErrorMapping | undefined>;
}

/** Where servers put their code and message when a configuration does not say. */
const DEFAULT_CODE_PATHS = ['error_code', 'errorCode'];
const DEFAULT_MESSAGE_PATHS = ['message', 'error_description', 'error'];

function firstText(body: unknown, paths: readonly string[]): string | undefined {
  for (const path of paths) {
    const found = readPath(body, path);
    // A numeric server code (`{"code": 40101}`) is compared as text.
    const value = text(typeof found === 'number' ? String(found) : found);
    if (value) return value;
  }
  return undefined;
}

function ruleMatches(rule: ErrorRule, status: number, serverCode: string | undefined, serverMessage: string | undefined): boolean {
  const statuses = rule.status === undefined ? undefined : [rule.status].flat();
  return (
    (statuses === undefined || statuses.includes(status)) &&
    (rule.code === undefined || rule.code === serverCode) &&
    (rule.message === undefined || (serverMessage ?? '').toLowerCase().includes(rule.message.toLowerCase()))
  );
}

/**
 * Turns any non-2xx answer into a LoginError. The code comes from the first matching rule
 * of the configured mappings, else a server code that is one of ours (auth-login's
 * `error_code`), else the status and what the call was doing. Without a configured place,
 * reads the error shapes of the seeds: wunder `{message}`, datarhei `{code, message,
 * details}` and auth-login `{error_code, message, trace_id, extra_attributes}`.
 */
export function errorFromResponse(response: ErrorResponse, context: ErrorContext): LoginError {
  const body = typeof response.body === 'object' && response.body !== null ? (response.body as Record<string, unknown>) : {};
  const mappings = (context.mappings ?? []).filter((mapping): mapping is ErrorMapping => mapping !== undefined);
  const configured = (key: 'code' | 'message') => mappings.flatMap((mapping) => (mapping[key] ? [mapping[key]] : []));
  const serverCode = firstText(body, [...configured('code'), ...DEFAULT_CODE_PATHS]);
  const serverMessage = firstText(body, [...configured('message'), ...DEFAULT_MESSAGE_PATHS]);
  const rule = mappings
    .flatMap((mapping) => mapping.rules ?? [])
    .find((candidate) => ruleMatches(candidate, response.status, serverCode, serverMessage));
  const code =
    rule?.to ?? (isServerErrorCode(serverCode) ? serverCode : codeForStatus(response.status, context.purpose, context.signed));
  const details = Array.isArray(body['details']) ? body['details'].filter((item) => typeof item === 'string') : [];
  const traceId = text(body['trace_id']) ?? text(body['traceId']) ?? text(response.headers.get('x-trace-id'));
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'), context.now);
  const extra = body['extra_attributes'] ?? body['extraAttributes'] ?? (details.length > 0 ? details : undefined);
  const detail: LoginErrorDetail = {
    code,
    message: [`HTTP ${response.status}`, serverMessage, ...details].filter(Boolean).join(': '),
    method: context.method,
    status: response.status,
    ...(traceId ? { traceId } : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
    ...(serverCode ? { serverCode } : {}),
    ...(serverMessage ? { serverMessage } : {}),
    ...(extra !== undefined ? { extra } : {}),
  };
  return new LoginError(detail);
}
