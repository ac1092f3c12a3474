import { randomUUID } from 'node:crypto';
import { AUTH_LOGIN_CORS } from './cors.js';
import { ApiError, bearerToken, jsonObject, requireString, type Mount, type RequestContext } from './http.js';
import type { Lifetimes } from './options.js';
import { TokenRejected, type TokenSigner } from './tokens.js';
import { AUTH_LOGIN_ACCOUNTS, findAuthLoginAccount, passwordMatches, type AuthLoginAccount } from './users.js';

export const AUTH_LOGIN_PREFIX = '/auth-login';

export interface AuthLoginDependencies {
  signer: TokenSigner;
  lifetimes: Lifetimes;
}

/** The `error_code` auth-login gives when an error has no more specific one. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid-request',
  401: 'bad-credentials',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'payload-too-large',
  500: 'internal-error',
};

/** The auth-login API (seed `auth-login-api.md`), snake_case, errors carrying a trace id. */
export function authLoginMount(deps: AuthLoginDependencies): Mount {
  return {
    prefix: AUTH_LOGIN_PREFIX,
    cors: AUTH_LOGIN_CORS,
    renderError: (error, traceId) => ({
      status: error.status,
      body: {
        error_code: error.extra.code ?? CODE_BY_STATUS[error.status] ?? 'error',
        message: error.message,
        trace_id: traceId,
        ...(error.extra.attributes ? { extra_attributes: error.extra.attributes } : {}),
      },
    }),
    routes: [
      { method: 'POST', path: '/auth/login', handle: (context) => login(deps, context) },
      { method: 'POST', path: '/auth/refresh-token', handle: (context) => refresh(deps, context) },
      { method: 'GET', path: '/users/me', handle: (context) => currentUser(deps, context) },
    ],
  };
}

const badCredentials = () =>
  new ApiError(401, 'Invalid username and/or password', { code: 'bad-credentials' });

async function login(deps: AuthLoginDependencies, context: RequestContext) {
  const body = jsonObject(context);
  const username = requireString(body, 'username');
  const password = requireString(body, 'password');
  const account = findAuthLoginAccount(username);
  // The password is compared even for an unknown user, so timing does not reveal accounts.
  const passwordOk = passwordMatches(password, account?.password ?? AUTH_LOGIN_ACCOUNTS[0]!.password);
  if (!account || !passwordOk) throw badCredentials();
  assertActive(account);
  return { status: 200, body: await issueTokens(deps, account) };
}

async function refresh(deps: AuthLoginDependencies, context: RequestContext) {
  const body = jsonObject(context);
  const account = await accountOf(deps, requireString(body, 'refresh_token'), 'refresh');
  assertActive(account);
  return { status: 200, body: await issueTokens(deps, account) };
}

/** Not in the seed: a protected call, so the demo and the explorers can show a token at work. */
async function currentUser(deps: AuthLoginDependencies, context: RequestContext) {
  const token = bearerToken(context.headers);
  if (!token) throw new ApiError(401, 'Missing access token', { code: 'bad-credentials' });
  return { status: 200, body: profile(await accountOf(deps, token, 'access')) };
}

/** The account a valid token of kind `use` belongs to; 401 token-expired or bad-credentials otherwise. */
async function accountOf(deps: AuthLoginDependencies, token: string, use: 'access' | 'refresh') {
  let subject: string | undefined;
  try {
    subject = (await deps.signer.verify(token, { use })).sub;
  } catch (error) {
    if (error instanceof TokenRejected && error.reason === 'expired') {
      throw new ApiError(401, 'JWT token expired', { code: 'token-expired' });
    }
  }
  const account = AUTH_LOGIN_ACCOUNTS.find((candidate) => candidate.id === subject);
  if (!account) throw new ApiError(401, `Invalid ${use} token`, { code: 'bad-credentials' });
  return account;
}

function assertActive(account: AuthLoginAccount): void {
  if (account.state === 'not-validated') {
    throw new ApiError(401, 'Account not validated', {
      code: 'account-not-validated',
      attributes: { resend_code: randomUUID() },
    });
  }
  if (account.state === 'disabled') {
    throw new ApiError(401, 'Account has been disabled', { code: 'inactive-account' });
  }
}

async function issueTokens(deps: AuthLoginDependencies, account: AuthLoginAccount) {
  const { access, refresh: refreshLifetime } = deps.lifetimes;
  return {
    access_token: await deps.signer.sign({ sub: account.id, username: account.username, use: 'access' }, access),
    // The second token carries the profile, as auth-login's jwt_token does.
    jwt_token: await deps.signer.sign({ ...profile(account), sub: account.id, use: 'profile' }, access),
    refresh_token: await deps.signer.sign({ sub: account.id, use: 'refresh' }, refreshLifetime),
  };
}

function profile(account: AuthLoginAccount) {
  return {
    id: account.id,
    username: account.username,
    name: account.name,
    email: account.email,
    phone: account.phone,
  };
}
