import { normalizeEmail } from './customers.js';
import { ApiError, jsonObject, optionalString, requireString, type RequestContext, type Route } from './http.js';
import type { OutboxMessage } from './outbox.js';
import {
  issueWunderSession,
  requireTenant,
  WUNDER_TENANTS,
  type WunderDependencies,
} from './wunder-session.js';

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Channel = OutboxMessage['channel'];

/** How each OTP channel names, checks and stores its recipient. */
const CHANNELS: Record<Channel, { field: 'phoneNumber' | 'email'; normalize(value: string): string; valid: RegExp }> =
  {
    sms: { field: 'phoneNumber', normalize: (value) => value.trim(), valid: E164 },
    email: { field: 'email', normalize: normalizeEmail, valid: EMAIL },
  };

/** wunder's two-step sign-in: request a code by SMS or e-mail, then trade it for tokens. */
export function wunderOtpRoutes(deps: WunderDependencies): Route[] {
  return [
    {
      method: 'POST',
      path: '/:tenant/front/customers/create-or-sign-in-with-phone-number',
      handle: (context) => requestCode(deps, context, 'sms'),
    },
    {
      method: 'POST',
      path: '/:tenant/front/customers/create-or-sign-in-with-email-code',
      handle: (context) => requestCode(deps, context, 'email'),
    },
    {
      method: 'POST',
      path: '/:tenant/auth/sign-in-phone-number',
      handle: (context) => signInWithCode(deps, context, 'sms'),
    },
    {
      method: 'POST',
      path: '/:tenant/auth/sign-in-email-code',
      handle: (context) => signInWithCode(deps, context, 'email'),
    },
  ];
}

async function requestCode(deps: WunderDependencies, context: RequestContext, channel: Channel) {
  const tenant = requireTenant(context.params.tenant);
  if (WUNDER_TENANTS[tenant]!.requiresSignature) {
    const verdict = deps.signature.verify({
      method: context.method,
      target: context.target,
      body: context.rawBody,
      headers: context.headers,
    });
    if (!verdict.valid) throw new ApiError(401, 'Invalid request signature');
  }
  const body = jsonObject(context);
  const to = recipient(body, channel);
  optionalString(body, 'branchId');

  const outcome = deps.codes.issue(`${tenant}:${channel}:${to}`);
  if (!outcome.issued) {
    throw new ApiError(429, `A code was sent moments ago; try again in ${outcome.retryAfterSeconds} s`, {
      headers: { 'Retry-After': String(outcome.retryAfterSeconds) },
    });
  }
  deps.customers.findOrCreate(tenant, channel === 'sms' ? { phoneNumber: to } : { email: to });
  deps.outbox.send({
    channel,
    to,
    code: outcome.code,
    tenant,
    sentAt: new Date(deps.now()).toISOString(),
    expiresAt: new Date(outcome.expiresAt).toISOString(),
  });
  return { status: 200, body: {} };
}

async function signInWithCode(deps: WunderDependencies, context: RequestContext, channel: Channel) {
  const tenant = requireTenant(context.params.tenant);
  const body = jsonObject(context);
  const to = recipient(body, channel);
  const code = requireString(body, 'code');
  if (!deps.codes.redeem(`${tenant}:${channel}:${to}`, code)) throw new ApiError(401, 'Invalid code');
  const customer = deps.customers.find(tenant, channel === 'sms' ? { phoneNumber: to } : { email: to });
  if (!customer) throw new ApiError(401, 'Invalid code');
  return { status: 200, body: await issueWunderSession(deps, tenant, customer) };
}

function recipient(body: Record<string, unknown>, channel: Channel): string {
  const { field, normalize, valid } = CHANNELS[channel];
  const value = normalize(requireString(body, field));
  if (!valid.test(value)) {
    throw new ApiError(400, field === 'phoneNumber' ? 'phoneNumber must be in E.164 format' : 'email is not valid');
  }
  return value;
}
