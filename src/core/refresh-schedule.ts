import { decodeClaims, type TokenSet } from './tokens.js';

/** Tokens as a session holds them: with the local time they arrived. */
export interface SessionRecord {
  tokens: TokenSet;
  /** Local clock, ms since the epoch, when the tokens were received. */
  obtainedAt: number;
}

/**
 * Refresh between 65 % and 85 % of the token's lifetime (the contract allows
 * 50–90 %): late enough not to waste a 5-hour token, early enough for a
 * 4-second one, jittered so many tabs and clients do not call at once.
 */
export const REFRESH_WINDOW = { from: 0.65, to: 0.85 } as const;

/** Past this share of its lifetime a token is "about to expire": getAccessToken refreshes first. */
export const ABOUT_TO_EXPIRE = 0.9;

function seconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * How long the access token was issued for, in ms: `exp` − `iat`, else `exi`,
 * else what the answer's `expires_in` gave. Counted from the token itself, so
 * a server clock that differs from ours changes nothing.
 */
export function tokenLifetime(record: SessionRecord): number | undefined {
  const { claims, expiresAt } = record.tokens;
  const exp = seconds(claims.exp);
  const iat = seconds(claims.iat);
  if (exp !== undefined && iat !== undefined && exp > iat) return (exp - iat) * 1000;
  const exi = seconds(claims['exi']);
  if (exi !== undefined && exi > 0) return exi * 1000;
  // expiresAt came from expires_in, counted from our own clock when the answer arrived.
  if (exp === undefined && expiresAt !== undefined && expiresAt > record.obtainedAt) return expiresAt - record.obtainedAt;
  return undefined;
}

/** When the access token expires by our own clock, or undefined when unknown. */
export function localExpiry(record: SessionRecord): number | undefined {
  const lifetime = tokenLifetime(record);
  return lifetime === undefined ? undefined : record.obtainedAt + lifetime;
}

/** When to refresh; `random` in [0, 1) picks the point in the refresh window. */
export function refreshTime(record: SessionRecord, random: number): number | undefined {
  const lifetime = tokenLifetime(record);
  if (lifetime === undefined) return undefined;
  const share = REFRESH_WINDOW.from + (REFRESH_WINDOW.to - REFRESH_WINDOW.from) * random;
  return record.obtainedAt + lifetime * share;
}

/** Expired or about to expire: refresh before handing the token out. */
export function needsRefresh(record: SessionRecord, now: number): boolean {
  const lifetime = tokenLifetime(record);
  return lifetime !== undefined && now >= record.obtainedAt + lifetime * ABOUT_TO_EXPIRE;
}

export function isExpired(record: SessionRecord, now: number): boolean {
  const expiry = localExpiry(record);
  return expiry !== undefined && now >= expiry;
}

/** Whether the refresh token can still be used: unknown (opaque) counts as usable. */
export function refreshTokenUsable(record: SessionRecord, now: number): boolean {
  const token = record.tokens.refreshToken;
  if (!token) return false;
  const exp = seconds(decodeClaims(token)?.exp);
  return exp === undefined || exp * 1000 > now;
}

/** Wait before retrying a refresh that failed for a passing reason: 1 s, 2 s, 4 s … at most 30 s. */
export function retryDelay(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** attempt);
}
