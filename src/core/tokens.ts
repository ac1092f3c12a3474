import type { JWTPayload } from 'jose';
import { decodeJwt } from 'jose/jwt/decode';
import { LoginError } from './errors.js';
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

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Reads a field by its configured name, else by the same name in the other casing. */
export function readField(body: Record<string, unknown>, name: string): unknown {
  for (const key of [name, camelCase(name), snakeCase(name)]) {
    if (body[key] !== undefined && body[key] !== null) return body[key];
  }
  return undefined;
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

/**
 * When the access token expires, in ms since the epoch: from `exp`, else
 * `iat` + `exi` (datarhei), else the response's `expires_in` counted from `now`.
 */
export function expiresAtOf(claims: JWTPayload, expiresIn: unknown, now: number): number | undefined {
  const exp = finiteNumber(claims.exp);
  if (exp !== undefined) return exp * 1000;
  const iat = finiteNumber(claims.iat);
  const exi = finiteNumber(claims['exi']);
  if (iat !== undefined && exi !== undefined) return (iat + exi) * 1000;
  const seconds = finiteNumber(expiresIn);
  return seconds !== undefined ? now + seconds * 1000 : undefined;
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
  const record = body as Record<string, unknown>;
  const accessToken = readField(record, context.fields.accessToken);
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw invalidResponse('The answer has no access token.', context.method, status);
  }
  const claims = decodeClaims(accessToken);
  if (!claims) throw invalidResponse('The access token is not a JWT.', context.method, status);
  const refreshField = readField(record, context.fields.refreshToken);
  const refreshToken = typeof refreshField === 'string' && refreshField !== '' ? refreshField : context.previousRefreshToken;
  const expiresAt = expiresAtOf(claims, readField(record, context.fields.expiresIn), context.now);
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
