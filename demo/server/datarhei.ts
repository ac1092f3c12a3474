import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SimulatedAuth0 } from './auth0.js';
import { DATARHEI_CORS } from './cors.js';
import { ApiError, bearerToken, jsonObject, requireString, type Mount, type RequestContext } from './http.js';
import type { Lifetimes } from './options.js';
import type { TokenSigner } from './tokens.js';
import { DATARHEI_ADMIN, passwordMatches } from './users.js';

export const DATARHEI_PREFIX = '/datarhei';
export const DATARHEI_ISSUER = 'datarhei-core';

export interface DatarheiDependencies {
  /** Configured with issuer `datarhei-core`. */
  signer: TokenSigner;
  auth0: SimulatedAuth0;
  lifetimes: Lifetimes;
  failDelayMs: number;
  startedAt: Date;
}

const INVALID_CREDENTIALS = 'Invalid authorization credentials: invalid username or password';
const INVALID_JWT = 'Missing or invalid JWT token';

/** datarhei-core's login API (seed `datarhei-core-login.md`), snake_case. */
export function datarheiMount(deps: DatarheiDependencies): Mount {
  return {
    prefix: DATARHEI_PREFIX,
    cors: DATARHEI_CORS,
    renderError: (error) => ({
      status: error.status,
      body: {
        code: error.status,
        message: STATUS_CODES[error.status] ?? error.message,
        details: error.extra.details ?? [error.message],
      },
    }),
    routes: [
      { method: 'POST', path: '/api/login', handle: (context) => login(deps, context) },
      { method: 'GET', path: '/api/login/refresh', handle: (context) => refresh(deps, context) },
      { method: 'GET', path: '/api', handle: () => ({ status: 200, body: about(deps) }) },
      { method: 'GET', path: '/api/v3/about', handle: (context) => protectedAbout(deps, context) },
    ],
  };
}

function unauthorized(detail: string): ApiError {
  return new ApiError(401, 'Unauthorized', { details: [detail] });
}

async function login(deps: DatarheiDependencies, context: RequestContext) {
  const externalToken = bearerToken(context.headers);
  if (context.rawBody.trim() === '' && externalToken) return loginWithAuth0(deps, externalToken);

  const body = jsonObject(context);
  const username = requireString(body, 'username');
  const password = requireString(body, 'password');
  const passwordOk = passwordMatches(password, DATARHEI_ADMIN.password);
  if (username !== DATARHEI_ADMIN.username || !passwordOk) {
    // datarhei-core slows down every wrong guess on purpose.
    await sleep(deps.failDelayMs, undefined, { signal: context.signal });
    throw unauthorized(INVALID_CREDENTIALS);
  }
  return { status: 200, body: await issuePair(deps, username) };
}

async function loginWithAuth0(deps: DatarheiDependencies, token: string) {
  let subject: string;
  try {
    subject = await deps.auth0.subjectOf(token);
  } catch {
    throw unauthorized('Invalid Auth0 token');
  }
  return { status: 200, body: await issuePair(deps, subject) };
}

async function refresh(deps: DatarheiDependencies, context: RequestContext) {
  const claims = await verifiedClaims(deps, context, 'refresh');
  // datarhei answers a refresh with a new access token only; the refresh token stays.
  return { status: 200, body: { access_token: await sign(deps, claims.sub!, 'access') } };
}

async function protectedAbout(deps: DatarheiDependencies, context: RequestContext) {
  const claims = await verifiedClaims(deps, context, 'access');
  return { status: 200, body: { ...about(deps), user: claims.sub } };
}

async function verifiedClaims(deps: DatarheiDependencies, context: RequestContext, usefor: 'access' | 'refresh') {
  const token = bearerToken(context.headers);
  if (!token) throw unauthorized(INVALID_JWT);
  try {
    return await deps.signer.verify(token, { usefor });
  } catch {
    throw unauthorized(INVALID_JWT);
  }
}

async function issuePair(deps: DatarheiDependencies, subject: string) {
  return {
    access_token: await sign(deps, subject, 'access'),
    refresh_token: await sign(deps, subject, 'refresh'),
  };
}

function sign(deps: DatarheiDependencies, subject: string, usefor: 'access' | 'refresh'): Promise<string> {
  const lifetime = deps.lifetimes[usefor];
  return deps.signer.sign({ sub: subject, usefor, exi: lifetime }, lifetime);
}

function about(deps: DatarheiDependencies) {
  return {
    app: 'datarhei-core',
    name: 'stand-in',
    id: 'demo-core',
    created_at: deps.startedAt.toISOString(),
    version: { number: '16.0.0-stand-in' },
    auths: ['localjwt', 'auth0'],
  };
}
