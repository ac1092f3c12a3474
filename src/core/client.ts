import { type CallPurpose, type LoginErrorDetail, LoginError } from './errors.js';
import { errorFromResponse } from './error-response.js';
import { writePath } from './dot-path.js';
import type { EndpointSpec, FieldName, FieldValues, LoginMethod, Preset } from './presets.js';
import type { Signer } from './signature.js';
import { type TokenSet, tokenSetFromResponse } from './tokens.js';
import { canRefreshTokens } from './refreshable.js';
import { endpointUrl } from './url.js';

export interface ClientOptions {
  /** Absolute, as returned by `parseBaseUrl`. */
  baseUrl: string;
  presetName: string;
  preset: Preset;
  tenant?: string;
  /** Extra request headers from the host page. */
  headers?: Record<string, string>;
  /** Milliseconds before a call is aborted and reported as `timeout`. */
  timeout: number;
  signer?: Signer;
  fetch?: typeof fetch;
  now?: () => number;
}

/** A request ready to send, before any signature. */
export interface PreparedRequest {
  method: EndpointSpec['method'];
  url: string;
  headers: Record<string, string>;
  body?: string;
  credentials: RequestCredentials;
}

/** The values an endpoint may send as a Bearer token. */
export interface BearerValues {
  accessToken?: string;
  refreshToken?: string;
  externalToken?: string;
}

/** The fields a call sends, by the server's names: the mapped values (empty ones left out), then its constants. */
function wireEntries(endpoint: EndpointSpec, values: FieldValues): Array<[string, unknown]> {
  const entries: Array<[string, unknown]> = [];
  for (const [field, wireName] of Object.entries(endpoint.body ?? {})) {
    const value = values[field as FieldName];
    if (value !== undefined && value !== '' && wireName) entries.push([wireName, value]);
  }
  return [...entries, ...Object.entries(endpoint.constants ?? {})];
}

/** How each encoding writes the fields: its body text and content type. */
const ENCODERS = {
  json(entries: Array<[string, unknown]>) {
    const payload: Record<string, unknown> = {};
    for (const [path, value] of entries) writePath(payload, path, value);
    return { body: JSON.stringify(payload), contentType: 'application/json' };
  },
  form(entries: Array<[string, unknown]>) {
    const form = new URLSearchParams(entries.map(([name, value]) => [name, String(value ?? '')]));
    return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
  },
} as const;

/**
 * Builds the request of an endpoint: only the fields it names are sent, empty ones left out,
 * with its constants; a GET sends them as query parameters.
 */
export function prepareRequest(
  options: Pick<ClientOptions, 'baseUrl' | 'tenant' | 'headers'>,
  endpoint: EndpointSpec,
  values: FieldValues,
  bearer: BearerValues = {},
): PreparedRequest {
  const headers: Record<string, string> = { ...options.headers };
  const url = new URL(endpointUrl(options.baseUrl, endpoint.path, options.tenant));
  for (const [name, value] of Object.entries(endpoint.query ?? {})) url.searchParams.append(name, value);
  let body: string | undefined;
  const entries = endpoint.body || endpoint.constants ? wireEntries(endpoint, values) : undefined;
  if (entries && endpoint.method === 'GET') {
    for (const [name, value] of entries) url.searchParams.append(name, String(value ?? ''));
  } else if (entries) {
    const encoded = ENCODERS[endpoint.encoding ?? 'json'](entries);
    body = encoded.body;
    headers['Content-Type'] = encoded.contentType;
  }
  if (endpoint.bearer) {
    const token = bearer[endpoint.bearer];
    if (!token) {
      throw new LoginError({ code: 'invalid-input', message: `${endpoint.bearer} is missing`, method: null });
    }
    headers['Authorization'] = `Bearer ${token}`;
  }
  return {
    method: endpoint.method,
    url: url.href,
    headers,
    ...(body !== undefined ? { body } : {}),
    credentials: endpoint.credentials ?? 'omit',
  };
}

/** A promise, or the abort reason once `signal` aborts (a signer that never answers). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The headers, when fetch will take them; a name or value it refuses (a line break) is the page's `headers` at fault. */
function checkedHeaders(headers: Record<string, string>, method: LoginErrorDetail['method']): Record<string, string> {
  try {
    new Headers(headers);
    return headers;
  } catch (error) {
    throw new LoginError({ code: 'config-error', message: 'headers: a name or value is not valid in HTTP', method, field: 'headers' }, { cause: error });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

interface CallResult {
  status: number;
  body: unknown;
}

/**
 * Talks to one API. Every outcome is a TokenSet, or a LoginError with a
 * contract code; a caller's own abort is passed through as the AbortError it is.
 */
export class AuthClient {
  constructor(readonly options: ClientOptions) {}

  #now(): number {
    return (this.options.now ?? Date.now)();
  }

  #methodEndpoints(method: LoginMethod) {
    const endpoints = this.options.preset.methods[method];
    if (!endpoints) {
      throw new LoginError({
        code: 'config-error',
        message: `The ${this.options.presetName} preset has no ${method} method`,
        method,
        field: 'methods',
      });
    }
    return endpoints;
  }

  /** Signs in with password or API key, or submits an OTP code (the second step). */
  async signIn(method: LoginMethod, values: FieldValues, signal?: AbortSignal): Promise<TokenSet> {
    const endpoints = this.#methodEndpoints(method);
    const purpose: CallPurpose = endpoints.request ? 'otp-verify' : 'credentials';
    const result = await this.#call(endpoints.submit, values, {}, purpose, method, signal);
    return this.#tokenSet(result, endpoints.submit, method);
  }

  /** OTP step 1: asks the server to send a code. */
  async requestCode(method: LoginMethod, values: FieldValues, signal?: AbortSignal): Promise<void> {
    const request = this.#methodEndpoints(method).request;
    if (!request) {
      throw new LoginError({ code: 'config-error', message: `${method} has no code request`, method, field: 'methods' });
    }
    await this.#call(request, values, {}, 'otp-request', method, signal);
  }

  /** Whether these tokens can be refreshed: the API has a refresh call, and it has what the call sends. */
  canRefresh(tokens: TokenSet): boolean {
    return canRefreshTokens(this.options.preset, tokens);
  }

  /**
   * Exchanges the refresh token (or the cookie that holds it) for new tokens; the old
   * refresh token is kept when no new one comes.
   */
  async refresh(tokens: TokenSet, signal?: AbortSignal): Promise<TokenSet> {
    const endpoint = this.options.preset.refresh;
    if (!endpoint || !this.canRefresh(tokens)) {
      const message = endpoint ? 'There is no refresh token' : 'This API has no refresh call';
      throw new LoginError({ code: 'refresh-failed', message, method: 'refresh' });
    }
    const values = { refreshToken: tokens.refreshToken ?? '' };
    const result = await this.#call(endpoint, values, values, 'refresh', 'refresh', signal);
    return this.#tokenSet(result, endpoint, tokens.method, tokens.refreshToken);
  }

  /**
   * Revokes the tokens on the server, where the API has a call for it; resolves `false` when it
   * has none. A call authorized by the access token gets a fresh one first when it has expired
   * (a tab that slept): the server would refuse the sign-out and keep the refresh token valid.
   */
  async signOut(tokens: TokenSet, signal?: AbortSignal): Promise<boolean> {
    const endpoint = this.options.preset.signOut;
    if (!endpoint) return false;
    const expired = tokens.expiresAt !== undefined && tokens.expiresAt <= this.#now();
    if (endpoint.bearer === 'accessToken' && expired && this.canRefresh(tokens)) {
      tokens = await this.refresh(tokens, signal);
    }
    const values = { ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}) };
    await this.#call(endpoint, values, { ...values, accessToken: tokens.accessToken }, 'sign-out', 'sign-out', signal);
    return true;
  }

  /** Exchanges an external IdP token (datarhei's Auth0 login) for this API's tokens. */
  async exchangeExternalToken(externalToken: string, signal?: AbortSignal): Promise<TokenSet> {
    const endpoint = this.options.preset.externalToken;
    if (!endpoint) {
      throw new LoginError({
        code: 'config-error',
        message: `The ${this.options.presetName} preset cannot exchange external tokens`,
        method: 'external-token',
      });
    }
    const result = await this.#call(endpoint, {}, { externalToken }, 'external-token', 'external-token', signal);
    return this.#tokenSet(result, endpoint, 'external-token');
  }

  #tokenSet(result: CallResult, endpoint: EndpointSpec, method: TokenSet['method'], previousRefreshToken?: string): TokenSet {
    return tokenSetFromResponse(result.body, result.status, {
      fields: { ...this.options.preset.response, ...endpoint.response },
      method,
      preset: this.options.presetName,
      ...(this.options.tenant ? { tenant: this.options.tenant } : {}),
      ...(previousRefreshToken ? { previousRefreshToken } : {}),
      now: this.#now(),
    });
  }

  async #call(
    endpoint: EndpointSpec,
    values: FieldValues,
    bearer: BearerValues,
    purpose: CallPurpose,
    method: LoginErrorDetail['method'],
    signal?: AbortSignal,
  ): Promise<CallResult> {
    const request = prepareRequest(this.options, endpoint, values, bearer);
    const signer = endpoint.signed ? this.options.signer : undefined;
    // A timer of our own rather than AbortSignal.timeout: it covers the signer and reading the
    // body too, is cleared as soon as the answer is in, and follows fake timers in tests.
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException('The request timed out', 'TimeoutError')),
      this.options.timeout,
    );
    const stop = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    const fetchImpl = this.options.fetch ?? globalThis.fetch;
    try {
      if (signer) {
        const signing = signer({ method: request.method, url: request.url, body: request.body ?? '' });
        Object.assign(request.headers, await untilAborted(signing, stop));
      }
      const response = await fetchImpl(request.url, {
        method: request.method,
        headers: checkedHeaders(request.headers, method),
        ...(request.body !== undefined ? { body: request.body } : {}),
        credentials: request.credentials,
        cache: 'no-store',
        // A redirect would re-send the body (a password) to wherever it points.
        redirect: 'manual',
        signal: stop,
      });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        throw new LoginError({
          code: 'invalid-response',
          message: 'The server answered with a redirect, which is not followed: set base-url to the final address',
          method,
          status: response.status,
        });
      }
      const body = parseJson(await response.text());
      if (!response.ok) {
        throw errorFromResponse(
          { status: response.status, body, headers: response.headers },
          {
            purpose,
            method,
            signed: Boolean(signer),
            now: this.#now(),
            mappings: [endpoint.errors, this.options.preset.errors],
          },
        );
      }
      return { status: response.status, body };
    } catch (error) {
      if (error instanceof LoginError) throw error;
      throw this.#transportError(error, method, timeout.signal, signal);
    } finally {
      clearTimeout(timer);
    }
  }

  #transportError(
    error: unknown,
    method: LoginErrorDetail['method'],
    timeout: AbortSignal,
    signal?: AbortSignal,
  ): unknown {
    if (signal?.aborted) return signal.reason ?? error;
    if (timeout.aborted) {
      return new LoginError(
        { code: 'timeout', message: `No answer within ${this.options.timeout} ms`, method },
        { cause: error },
      );
    }
    return new LoginError(
      { code: 'network-error', message: 'The server could not be reached (offline, refused, or blocked by CORS)', method },
      { cause: error },
    );
  }
}
