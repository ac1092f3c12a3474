import type { EndpointSpec, Preset } from './presets.js';
import type { TokenSet } from './tokens.js';

/** Whether a call sends the refresh token itself; one that does not relies on a cookie. */
export function sendsRefreshToken(endpoint: EndpointSpec): boolean {
  return endpoint.bearer === 'refreshToken' || Object.hasOwn(endpoint.body ?? {}, 'refreshToken');
}

/** Whether a refresh can be tried at all: the API has a refresh call, and the tokens have what it sends. */
export function canRefreshTokens(preset: Preset, tokens: TokenSet): boolean {
  const endpoint = preset.refresh;
  return endpoint !== undefined && (Boolean(tokens.refreshToken) || !sendsRefreshToken(endpoint));
}
