import { WUNDER_CORS } from './cors.js';
import { normalizeEmail } from './customers.js';
import {
  ApiError,
  bearerToken,
  jsonObject,
  renderMessageError,
  requireString,
  type Mount,
  type RequestContext,
} from './http.js';
import { TokenRejected } from './tokens.js';
import { passwordMatches, WUNDER_API_CLIENT, WUNDER_DEMO_USER } from './users.js';
import { wunderOpenApiRoute } from './wunder-docs.js';
import { wunderOtpRoutes } from './wunder-otp.js';
import {
  identityFromClaims,
  issueWunderSession,
  requireTenant,
  type WunderDependencies,
} from './wunder-session.js';

export const WUNDER_PREFIX = '/wunder/v1';

/** The Wunder Platform's authentication API (seed `wunder-platform-auth.md`), camelCase. */
export function wunderMount(deps: WunderDependencies): Mount {
  return {
    prefix: WUNDER_PREFIX,
    cors: WUNDER_CORS,
    renderError: renderMessageError,
    routes: [
      { method: 'POST', path: '/:tenant/auth/sign-in-email', handle: (context) => signInWithEmail(deps, context) },
      { method: 'POST', path: '/:tenant/auth/sign-in-api-client', handle: (context) => signInApiClient(deps, context) },
      ...wunderOtpRoutes(deps),
      { method: 'POST', path: '/:tenant/auth/refresh', handle: (context) => refresh(deps, context) },
      { method: 'GET', path: '/:tenant/front/customers/me', handle: (context) => currentCustomer(deps, context) },
      { method: 'GET', path: '/:tenant/front/customers/me/orders', handle: (context) => customerOrders(deps, context) },
      wunderOpenApiRoute,
    ],
  };
}

async function signInWithEmail(deps: WunderDependencies, context: RequestContext) {
  const tenant = requireTenant(context.params.tenant);
  const body = jsonObject(context);
  const email = normalizeEmail(requireString(body, 'email'));
  const password = requireString(body, 'password');
  const user = WUNDER_DEMO_USER;
  const emailMatches = email === user.email;
  // The password is compared even for an unknown e-mail, so timing does not reveal accounts.
  const passwordOk = passwordMatches(password, user.password);
  if (!emailMatches || !passwordOk) throw new ApiError(401, 'Invalid e-mail or password');
  const { sub, name, phoneNumber } = user;
  return { status: 200, body: await issueWunderSession(deps, tenant, { sub, email, name, phoneNumber }) };
}

async function signInApiClient(deps: WunderDependencies, context: RequestContext) {
  const tenant = requireTenant(context.params.tenant);
  const body = jsonObject(context);
  const clientId = requireString(body, 'clientId');
  const clientKey = requireString(body, 'clientKey');
  const client = WUNDER_API_CLIENT;
  const keyOk = passwordMatches(clientKey, client.clientKey);
  if (clientId !== client.clientId || !keyOk) throw new ApiError(401, 'Invalid client id or client key');
  const identity = { sub: `client:${client.clientId}`, clientId: client.clientId, name: client.name };
  return { status: 200, body: await issueWunderSession(deps, tenant, identity) };
}

async function refresh(deps: WunderDependencies, context: RequestContext) {
  const tenant = requireTenant(context.params.tenant);
  const body = jsonObject(context);
  const refreshToken = requireString(body, 'refreshToken');
  let claims;
  try {
    claims = await deps.signer.verify(refreshToken, { use: 'refresh', tenant });
  } catch (error) {
    if (error instanceof TokenRejected && error.reason === 'expired') throw new ApiError(401, 'Refresh token expired');
    throw new ApiError(401, 'Invalid refresh token');
  }
  const outcome = deps.rotation.consume(claims.jti!);
  if (!outcome.ok) {
    throw new ApiError(
      401,
      outcome.reason === 'unknown' ? 'Invalid refresh token' : 'Refresh token already used; session revoked',
    );
  }
  return { status: 200, body: await issueWunderSession(deps, tenant, identityFromClaims(claims), outcome.family) };
}

/** The claims of the request's valid access token for the tenant; 401 otherwise. */
async function requireAccess(deps: WunderDependencies, context: RequestContext) {
  const tenant = requireTenant(context.params.tenant);
  const token = bearerToken(context.headers);
  if (!token) throw new ApiError(401, 'Missing access token');
  try {
    return { tenant, claims: await deps.signer.verify(token, { use: 'access', tenant }) };
  } catch {
    throw new ApiError(401, 'Invalid or expired access token');
  }
}

/** Not in the seed: protected calls, so the demo and the explorers can show a token at work. */
async function currentCustomer(deps: WunderDependencies, context: RequestContext) {
  const { tenant, claims } = await requireAccess(deps, context);
  return { status: 200, body: { ...identityFromClaims(claims), tenant } };
}

async function customerOrders(deps: WunderDependencies, context: RequestContext) {
  const { claims } = await requireAccess(deps, context);
  const day = 24 * 60 * 60 * 1000;
  const placed = (daysAgo: number) => new Date(deps.now() - daysAgo * day).toISOString();
  return {
    status: 200,
    body: [
      { id: `${claims.sub}-3`, placedAt: placed(1), total: '42.00 EUR', status: 'placed' },
      { id: `${claims.sub}-2`, placedAt: placed(9), total: '17.50 EUR', status: 'shipped' },
      { id: `${claims.sub}-1`, placedAt: placed(30), total: '99.90 EUR', status: 'delivered' },
    ],
  };
}
