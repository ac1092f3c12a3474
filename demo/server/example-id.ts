import { secretsEqual } from './constant-time.js';
import { EXAMPLE_ID_CORS } from './cors.js';
import { ApiError, bearerToken, jsonObject, requireString, type Mount, type RequestContext } from './http.js';
import type { Lifetimes } from './options.js';
import { TokenRejected, type TokenSigner } from './tokens.js';
import { EXAMPLE_ID_USER, passwordMatches } from './users.js';

export const EXAMPLE_ID_PREFIX = '/example-id';

/** The only API version example-id speaks; sign-in and renewal refuse any other. */
export const EXAMPLE_ID_API_VERSION = '2';

export interface ExampleIdDependencies {
  signer: TokenSigner;
  lifetimes: Lifetimes;
}

/** The `error` example-id gives when an error has no more specific one. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request',
  401: 'invalid_grant',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'request_too_large',
  500: 'server_error',
};

/**
 * A small API of no preset, to prove the widget's `endpoints` and `headers` overrides:
 * sign-in is a PUT with `login`/`secret`, the answer names its tokens `token`/`renewal`,
 * every call but `/v2/me` needs `X-Api-Version: 2`, and the access token has no `exp`,
 * so a client can only learn its lifetime from the answer's `ttl`.
 */
export function exampleIdMount(deps: ExampleIdDependencies): Mount {
  return {
    prefix: EXAMPLE_ID_PREFIX,
    cors: EXAMPLE_ID_CORS,
    renderError: (error) => ({
      status: error.status,
      body: { error: error.extra.code ?? CODE_BY_STATUS[error.status] ?? 'error', error_description: error.message },
    }),
    routes: [
      { method: 'PUT', path: '/v2/sessions', handle: (context) => signIn(deps, context) },
      { method: 'POST', path: '/v2/sessions/renew', handle: (context) => renew(deps, context) },
      { method: 'GET', path: '/v2/me', handle: (context) => currentUser(deps, context) },
    ],
  };
}

function assertVersion(context: RequestContext): void {
  const version = context.headers['x-api-version'];
  if (typeof version !== 'string' || version.trim() !== EXAMPLE_ID_API_VERSION) {
    throw new ApiError(400, `Send X-Api-Version: ${EXAMPLE_ID_API_VERSION}`, { code: 'unsupported_version' });
  }
}

async function signIn(deps: ExampleIdDependencies, context: RequestContext) {
  assertVersion(context);
  const body = jsonObject(context);
  const login = requireString(body, 'login');
  const secret = requireString(body, 'secret');
  // Both are always compared, so timing reveals neither which one was wrong.
  const loginOk = secretsEqual(login, EXAMPLE_ID_USER.login);
  const secretOk = passwordMatches(secret, EXAMPLE_ID_USER.secret);
  if (!loginOk || !secretOk) throw new ApiError(401, 'Login or secret is wrong', { code: 'invalid_grant' });
  return { status: 200, body: await issueTokens(deps) };
}

async function renew(deps: ExampleIdDependencies, context: RequestContext) {
  assertVersion(context);
  const renewal = requireString(jsonObject(context), 'renewal');
  try {
    const { sub } = await deps.signer.verify(renewal, { use: 'refresh' });
    if (sub !== EXAMPLE_ID_USER.sub) throw new TokenRejected('invalid');
  } catch (error) {
    if (!(error instanceof TokenRejected)) throw error;
    throw new ApiError(401, `Renewal token is ${error.reason}`, { code: 'invalid_grant' });
  }
  return { status: 200, body: await issueTokens(deps) };
}

/** The one protected call: who the access token belongs to. */
async function currentUser(deps: ExampleIdDependencies, context: RequestContext) {
  const token = bearerToken(context.headers);
  if (!token) throw new ApiError(401, 'Missing access token', { code: 'invalid_token' });
  try {
    // The token has no `exp`: the server knows its lifetime and counts it from `iat`.
    const { sub } = await deps.signer.verify(token, { use: 'access' }, { maxAgeSeconds: deps.lifetimes.access });
    if (sub !== EXAMPLE_ID_USER.sub) throw new TokenRejected('invalid');
  } catch (error) {
    if (!(error instanceof TokenRejected)) throw error;
    throw new ApiError(401, `Access token is ${error.reason}`, { code: 'invalid_token' });
  }
  return { status: 200, body: { sub: EXAMPLE_ID_USER.sub, name: EXAMPLE_ID_USER.name } };
}

async function issueTokens(deps: ExampleIdDependencies) {
  const { sub, name } = EXAMPLE_ID_USER;
  return {
    token: await deps.signer.signWithoutExpiry({ sub, name, use: 'access' }),
    renewal: await deps.signer.sign({ sub, use: 'refresh' }, deps.lifetimes.refresh),
    ttl: deps.lifetimes.access,
  };
}
