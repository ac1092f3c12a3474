import type { JWTPayload } from 'jose';
import { decodeJwt } from 'jose/jwt/decode';
import { LoginError } from './errors.js';
import { readPath } from './dot-path.js';
import type { LoginMethod, ResponseFields } from './presets.js';

/** What a successful sign-in or refresh hands to the page (CONTRACT.md, "TokenSet"). */
export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  tokenType: 'Bearer';
  /** Milliseconds since the epoch. */
  expiresAt?: number;
  /** The access token's payload, decoded but not verified. */
  claims: JWTPayload;
  method: LoginMethod | 'external-token';
  preset: string;
  tenant?: string;
  /** The parsed response body as received. */
  response: unknown;
}

export interface TokenSetContext {
  fields: ResponseFields;
  method: TokenSet['method'];
  preset: string;
  tenant?: string;
  /** Kept when the answer carries no refresh token (datarhei's refresh). */
  previousRefreshToken?: string;
  /** Milliseconds since the epoch; only used when the token has no `exp`. */
  now: number;
}

function finiteNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** Decodes a JWT's payload, or `undefined` when the text is not a JWT. */
export function decodeClaims(token: string): JWTPayload | undefined {
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
}

/** An absolute time as ms since the epoch: epoch seconds, epoch milliseconds or a date text. */
function absoluteTime(value: unknown): number | undefined {
  const number = finiteNumber(value);
  // Epoch seconds pass 10^12 in the year 33658; epoch milliseconds did in 2001.
  if (number !== undefined) return number >= 1e12 ? number : number * 1000;
  const date = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(date) ? undefined : date;
}

const MS_PER_UNIT = { seconds: 1000, milliseconds: 1 } as const;

/** What an answer says of the expiry, beside the token: a lifetime, or an absolute time. */
export interface AnswerExpiry {
  unit?: keyof typeof MS_PER_UNIT;
  expiresAt?: unknown;
}

/**
 * When the access token expires, in ms since the epoch: from `exp`, else `iat` + `exi`
 * (datarhei), else the answer's absolute expiry, else its lifetime (`expires_in`) counted from `now`.
 */
export function expiresAtOf(claims: JWTPayload, expiresIn: unknown, now: number, answer: AnswerExpiry = {}): number | undefined {
  const exp = finiteNumber(claims.exp);
  if (exp !== undefined) return exp * 1000;
  const iat = finiteNumber(claims.iat);
  const exi = finiteNumber(claims['exi']);
  if (iat !== undefined && exi !== undefined) return (iat + exi) * 1000;
  const at = absoluteTime(answer.expiresAt);
  if (at !== undefined) return at;
  const lifetime = finiteNumber(expiresIn);
  return lifetime !== undefined ? now + lifetime * MS_PER_UNIT[answer.unit ?? 'seconds'] : undefined;
}

function invalidResponse(message: string, method: TokenSet['method'], status: number): LoginError {
  return new LoginError({
    code: 'invalid-response',
    message,
    method: method === 'external-token' ? 'external-token' : method,
    status,
  });
}

/** Turns a 2xx answer into a TokenSet; anything without a decodable access token is `invalid-response`. */
export function tokenSetFromResponse(body: unknown, status: number, context: TokenSetContext): TokenSet {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidResponse('The server answered without a JSON object.', context.method, status);
  }
  const { fields } = context;
  const accessToken = readPath(body, fields.accessToken);
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw invalidResponse('The answer has no access token.', context.method, status);
  }
  const claims = decodeClaims(accessToken);
  if (!claims) throw invalidResponse('The access token is not a JWT.', context.method, status);
  const refreshField = readPath(body, fields.refreshToken);
  const refreshToken = typeof refreshField === 'string' && refreshField !== '' ? refreshField : context.previousRefreshToken;
  const read = (path: string | undefined) => (path ? readPath(body, path) : undefined);
  const expiresAt = expiresAtOf(claims, read(fields.expiresIn), context.now, {
    ...(fields.expiresInUnit ? { unit: fields.expiresInUnit } : {}),
    expiresAt: read(fields.expiresAt),
  });
  return {
    accessToken,
    ...(refreshToken ? { refreshToken } : {}),
    tokenType: 'Bearer',
    ...(expiresAt !== undefined ? { expiresAt } : {}),
    claims,
    method: context.method,
    preset: context.preset,
    ...(context.tenant ? { tenant: context.tenant } : {}),
    response: body,
  };
}

/** Who the token is for, for the signed-in view: `name`, else `email`, else `sub`. */
export function displayNameOf(claims: JWTPayload): string | undefined {
  for (const key of ['name', 'email', 'preferred_username', 'username', 'phoneNumber', 'phone_number', 'sub']) {
    const value = claims[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}
