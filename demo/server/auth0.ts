import { TokenSigner } from './tokens.js';

export const AUTH0_ISSUER = 'https://demo-tenant.auth0.local/';
export const AUTH0_AUDIENCE = 'datarhei-core';
export const AUTH0_TOKEN_LIFETIME_SECONDS = 60 * 60;

/**
 * A stand-in for an Auth0 tenant: issues the access tokens a person would bring from
 * Auth0 to datarhei's `POST /api/login`, signed with a key of its own.
 */
export class SimulatedAuth0 {
  private readonly signer: TokenSigner;

  constructor(secret: Uint8Array, now: () => number) {
    this.signer = new TokenSigner({ secret, issuer: AUTH0_ISSUER, audience: AUTH0_AUDIENCE, now });
  }

  issue(sub = 'auth0|demo-user', lifetimeSeconds = AUTH0_TOKEN_LIFETIME_SECONDS): Promise<string> {
    return this.signer.sign({ sub, scope: 'openid profile' }, lifetimeSeconds);
  }

  /** The subject of a valid token from this tenant for datarhei; throws TokenRejected otherwise. */
  async subjectOf(token: string): Promise<string> {
    const claims = await this.signer.verify(token);
    if (!claims.sub) throw new Error('Auth0 token without subject');
    return claims.sub;
  }
}
