import type { IncomingHttpHeaders } from 'node:http';
import { secretsEqual } from './constant-time.js';
import { GENERIC_CORS } from './cors.js';
import { ApiError, bearerToken, jsonObject, type JsonReply, type Mount, type RequestContext } from './http.js';
import type { Lifetimes } from './options.js';
import type { RefreshRotation } from './refresh-rotation.js';
import { TokenRejected, type TokenSigner } from './tokens.js';
import { DEMO_CREDENTIALS, passwordMatches } from './users.js';

export const GENERIC_PREFIX = '/generic';

/** The cookie that carries the session API's refresh token. */
export const GENERIC_REFRESH_COOKIE = 'generic_refresh';

/** An API key's token: long-lived, and there is no refresh for it. */
const API_KEY_TOKEN_SECONDS = 30 * 24 * 60 * 60;

export interface GenericDependencies {
  signer: TokenSigner;
  rotation: RefreshRotation;
  lifetimes: Lifetimes;
  now: () => number;
}

const USER = { sub: 'person-1906', name: 'Grace Hopper', ...DEMO_CREDENTIALS.generic };

/**
 * An API of no preset that needs every feature of the widget's API configuration, for fast
 * tests without a real server. Three ways in, each shaped like a family of real servers:
 *
 * - `/oauth/token` (OAuth 2 password grant, RFC 6749 §4.3): a form-encoded body with a
 *   constant `grant_type`, a wrong password answered 400 `invalid_grant`, refresh by
 *   `grant_type=refresh_token`, revocation at `/oauth/revoke` (RFC 7009).
 * - `/session` (Directus- and Strapi-like): a nested JSON body with a constant `strategy`,
 *   the token nested in the answer with an absolute `expires_at`, the refresh token only in
 *   an httpOnly cookie (CORS with credentials), sign-out at `/session/logout`.
 * - `/keys/sign-in`: an API key's long-lived token and no refresh at all.
 *
 * Refresh tokens rotate; a revoked or reused one is refused. `/me` checks an access token.
 */
export function genericMount(deps: GenericDependencies): Mount {
  return {
    prefix: GENERIC_PREFIX,
    cors: GENERIC_CORS,
    renderError: renderGenericError,
    routes: [
      { method: 'POST', path: '/oauth/token', handle: (context) => oauthToken(deps, context) },
      { method: 'POST', path: '/oauth/revoke', handle: (context) => oauthRevoke(deps, context) },
      { method: 'POST', path: '/session', handle: (context) => sessionSignIn(deps, context) },
      { method: 'POST', path: '/session/refresh', handle: (context) => sessionRefresh(deps, context) },
      { method: 'POST', path: '/session/logout', handle: (context) => sessionLogout(deps, context) },
      { method: 'POST', path: '/keys/sign-in', handle: (context) => apiKeySignIn(deps, context) },
      { method: 'GET', path: '/me', handle: (context) => currentUser(deps, context) },
    ],
  };
}

/** OAuth's error shape for its two routes, `{ errors: [{ message, code }] }` for the rest. */
function renderGenericError(error: ApiError): JsonReply {
  if (error.extra.code?.match(/^(invalid|unsupported)_/)) {
    return { status: error.status, body: { error: error.extra.code, error_description: error.message } };
  }
  return { status: error.status, body: { errors: [{ message: error.message, code: error.extra.code ?? 'ERROR' }] } };
}

function formBody(context: RequestContext): URLSearchParams {
  const type = String(context.headers['content-type'] ?? '');
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new ApiError(400, 'Send the body as application/x-www-form-urlencoded', { code: 'invalid_request' });
  }
  return new URLSearchParams(context.rawBody);
}

function credentialsMatch(email: unknown, password: unknown): boolean {
  // Both are always compared, so timing reveals neither which one was wrong.
  const emailOk = typeof email === 'string' && secretsEqual(email.trim().toLowerCase(), USER.email);
  const passwordOk = typeof password === 'string' && passwordMatches(password, USER.password);
  return emailOk && passwordOk;
}

async function issueRefreshToken(deps: GenericDependencies, family: string): Promise<string> {
  const token = await deps.signer.sign({ sub: USER.sub, use: 'refresh', family }, deps.lifetimes.refresh);
  const { jti, exp } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { jti: string; exp: number };
  deps.rotation.register(jti, family, exp * 1000);
  return token;
}

/** Spends a refresh token: its family when it was live, else a 4xx in the API's words. */
async function spendRefreshToken(deps: GenericDependencies, token: string | undefined, error: () => ApiError): Promise<string> {
  if (!token) throw error();
  try {
    const claims = await deps.signer.verify(token, { use: 'refresh' });
    const outcome = deps.rotation.consume(claims.jti!);
    if (!outcome.ok) throw error();
    return outcome.family;
  } catch (failure) {
    if (failure instanceof TokenRejected) throw error();
    throw failure;
  }
}

/** Revokes a refresh token's family (sign-out); an unknown or spent token changes nothing. */
async function revoke(deps: GenericDependencies, token: string | undefined): Promise<void> {
  if (!token) return;
  try {
    const claims = await deps.signer.verify(token, { use: 'refresh' });
    deps.rotation.revokeFamily(String(claims['family']));
  } catch (failure) {
    if (!(failure instanceof TokenRejected)) throw failure;
  }
}

const accessToken = (deps: GenericDependencies) =>
  deps.signer.sign({ sub: USER.sub, name: USER.name, email: USER.email, use: 'access' }, deps.lifetimes.access);

async function oauthToken(deps: GenericDependencies, context: RequestContext) {
  const form = formBody(context);
  const grant = form.get('grant_type');
  let family: string;
  if (grant === 'password') {
    if (!credentialsMatch(form.get('username'), form.get('password'))) {
      throw new ApiError(400, 'Invalid username or password', { code: 'invalid_grant' });
    }
    family = deps.rotation.newFamily();
  } else if (grant === 'refresh_token') {
    family = await spendRefreshToken(
      deps,
      form.get('refresh_token') ?? undefined,
      () => new ApiError(400, 'The refresh token is invalid, expired or revoked', { code: 'invalid_grant' }),
    );
  } else {
    throw new ApiError(400, 'grant_type must be password or refresh_token', { code: 'unsupported_grant_type' });
  }
  return {
    status: 200,
    body: {
      access_token: await accessToken(deps),
      token_type: 'Bearer',
      expires_in: deps.lifetimes.access,
      refresh_token: await issueRefreshToken(deps, family),
    },
  };
}

async function oauthRevoke(deps: GenericDependencies, context: RequestContext) {
  await revoke(deps, formBody(context).get('token') ?? undefined);
  return { status: 200, body: {} };
}

function cookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const part of String(headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function refreshCookie(value: string, maxAgeSeconds: number): string {
  return `${GENERIC_REFRESH_COOKIE}=${value}; Max-Age=${maxAgeSeconds}; Path=${GENERIC_PREFIX}/session; HttpOnly; SameSite=Lax`;
}

async function sessionReply(deps: GenericDependencies, family: string): Promise<JsonReply> {
  const expiresAt = new Date(deps.now() + deps.lifetimes.access * 1000).toISOString();
  return {
    status: 200,
    headers: { 'Set-Cookie': refreshCookie(await issueRefreshToken(deps, family), deps.lifetimes.refresh) },
    body: { data: { session: { token: await accessToken(deps), expires_at: expiresAt }, user: { name: USER.name } } },
  };
}

async function sessionSignIn(deps: GenericDependencies, context: RequestContext) {
  const body = jsonObject(context);
  if (body['strategy'] !== 'local') throw new ApiError(400, 'strategy must be "local"', { code: 'INVALID_PAYLOAD' });
  const user = typeof body['user'] === 'object' && body['user'] !== null ? (body['user'] as Record<string, unknown>) : {};
  if (!credentialsMatch(user['email'], user['password'])) {
    throw new ApiError(400, 'Invalid user credentials.', { code: 'INVALID_CREDENTIALS' });
  }
  return sessionReply(deps, deps.rotation.newFamily());
}

async function sessionRefresh(deps: GenericDependencies, context: RequestContext) {
  const family = await spendRefreshToken(
    deps,
    cookie(context.headers, GENERIC_REFRESH_COOKIE),
    () => new ApiError(401, 'No valid session cookie.', { code: 'TOKEN_EXPIRED', headers: { 'Set-Cookie': refreshCookie('', 0) } }),
  );
  return sessionReply(deps, family);
}

async function sessionLogout(deps: GenericDependencies, context: RequestContext) {
  await revoke(deps, cookie(context.headers, GENERIC_REFRESH_COOKIE));
  return { status: 200, headers: { 'Set-Cookie': refreshCookie('', 0) }, body: { data: null } };
}

async function apiKeySignIn(deps: GenericDependencies, context: RequestContext) {
  const body = jsonObject(context);
  const idOk = typeof body['key_id'] === 'string' && secretsEqual(body['key_id'], USER.keyId);
  const secretOk = typeof body['key_secret'] === 'string' && passwordMatches(body['key_secret'], USER.keySecret);
  if (!idOk || !secretOk) throw new ApiError(401, 'Unknown API key.', { code: 'INVALID_CREDENTIALS' });
  const jwt = await deps.signer.sign({ sub: `key:${USER.keyId}`, use: 'access' }, API_KEY_TOKEN_SECONDS);
  return { status: 200, body: { jwt } };
}

async function currentUser(deps: GenericDependencies, context: RequestContext) {
  const token = bearerToken(context.headers);
  try {
    if (!token) throw new TokenRejected('invalid');
    const { sub } = await deps.signer.verify(token, { use: 'access' });
    return { status: 200, body: { data: { sub, name: sub === USER.sub ? USER.name : USER.keyId } } };
  } catch (failure) {
    if (!(failure instanceof TokenRejected)) throw failure;
    throw new ApiError(401, `Access token is ${failure.reason}.`, { code: 'INVALID_TOKEN' });
  }
}
