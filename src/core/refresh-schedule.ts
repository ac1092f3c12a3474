import { decodeClaims, type TokenSet } from './tokens.js';

/** Tokens as a session holds them: with the local time they arrived. */
export interface SessionRecord {
  /**
   * Which sign-in these tokens continue: made at sign-in, kept by every refresh. A tab
   * remembers the ids of the sessions that ended, so nothing arriving late revives them.
   */
  id: string;
  tokens: TokenSet;
  /** Local clock, ms since the epoch, when the tokens were received. */
  obtainedAt: number;
  /** The tab that saved it (`persist="session"`): a duplicated tab finds another tab's id here. */
  owner?: string;
}

/** The longest delay `setTimeout` keeps: a longer one overflows and fires at once. */
export const LONGEST_TIMER = 2 ** 31 - 1;

/**
 * Refresh between 65 % and 85 % of the token's lifetime (the contract allows
 * 50–90 %): late enough not to waste a 5-hour token, early enough for a
 * 4-second one, jittered so many tabs and clients do not call at once.
 */
export const REFRESH_WINDOW = { from: 0.65, to: 0.85 } as const;

/**
 * How far the server's clock may lag ours before its token's own expiry counts: lifetimes are
 * taken from the token (exp − iat) so skew does not matter, but a token whose `exp` passed
 * more than this before it arrived is treated as expired, not as "expires in 59 min".
 */
export const CLOCK_SKEW_TOLERANCE = 5 * 60_000;

/** Past this share of its lifetime a token is "about to expire": getAccessToken refreshes first. */
export const ABOUT_TO_EXPIRE = 0.9;

function seconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The lifetime the token states itself, in ms: `exp` − `iat`, else `exi` (datarhei). */
function issuedLifetime(claims: TokenSet['claims']): number | undefined {
  const exp = seconds(claims.exp);
  const iat = seconds(claims.iat);
  if (exp !== undefined && iat !== undefined && exp > iat) return (exp - iat) * 1000;
  const exi = seconds(claims['exi']);
  return exi !== undefined && exi > 0 ? exi * 1000 : undefined;
}

/**
 * How long the access token was issued for, in ms: `exp` − `iat`, else `exi`,
 * counted from the token itself, so a server clock that differs from ours
 * changes nothing. A token with `exp` and no `iat` (or only the answer's
 * `expires_in`) leaves no choice but our own clock: its expiry minus the time
 * it arrived, zero when it arrived expired.
 */
export function tokenLifetime(record: SessionRecord): number | undefined {
  const { claims, expiresAt } = record.tokens;
  const exp = seconds(claims.exp);
  const until = exp !== undefined ? exp * 1000 : seconds(expiresAt);
  const issued = issuedLifetime(record.tokens.claims);
  if (issued === undefined) return until === undefined ? undefined : Math.max(0, until - record.obtainedAt);
  // A token that expired long before it arrived is stale, not skewed: never older than the tolerance allows.
  return until === undefined ? issued : Math.max(0, Math.min(issued, until + CLOCK_SKEW_TOLERANCE - record.obtainedAt));
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

/**
 * Whether a refresh can be tried: the API can refresh these tokens (`refreshable`),
 * and a refresh token that carries its own `exp` has not expired (an opaque one,
 * or none with a cookie refresh, counts as usable).
 */
export function canRefresh(record: SessionRecord, now: number, refreshable: boolean): boolean {
  if (!refreshable) return false;
  const token = record.tokens.refreshToken;
  const exp = token ? seconds(decodeClaims(token)?.exp) : undefined;
  return exp === undefined || exp * 1000 > now;
}

/** The least time between two refreshes the timer starts: a server issuing 10 ms tokens gets one call a second. */
export const MIN_REFRESH_INTERVAL = 1000;

/** Wait before retrying a refresh that failed for a passing reason: 1 s, 2 s, 4 s … at most 30 s. */
export function retryDelay(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** attempt);
}
