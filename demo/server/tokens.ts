import { createHmac, randomUUID } from 'node:crypto';
import { SignJWT, errors, jwtVerify, type JWTPayload } from 'jose';

/** Why a token was refused: callers answer an expired token differently from a bad one. */
export class TokenRejected extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'Token expired' : 'Token invalid');
  }
}

export interface TokenSignerOptions {
  secret: Uint8Array;
  issuer?: string;
  audience?: string;
  now: () => number;
}

/** Issues and checks the HS256 JWTs of one API, with that API's own key. */
export class TokenSigner {
  constructor(private readonly options: TokenSignerOptions) {}

  /** Signs `claims` valid for `ttlSeconds` from now, with `iat`, `exp` and a fresh `jti`. */
  async sign(claims: JWTPayload, ttlSeconds: number): Promise<string> {
    return this.signWith(claims, ttlSeconds);
  }

  /**
   * Signs `claims` with `iat` and a fresh `jti` but no `exp`: the lifetime is known only
   * to the server, which checks it with `verify(..., { maxAgeSeconds })`.
   */
  async signWithoutExpiry(claims: JWTPayload): Promise<string> {
    return this.signWith(claims, undefined);
  }

  private async signWith(claims: JWTPayload, ttlSeconds: number | undefined): Promise<string> {
    const issuedAt = Math.floor(this.options.now() / 1000);
    const jwt = new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(issuedAt)
      .setJti(randomUUID());
    if (ttlSeconds !== undefined) jwt.setExpirationTime(issuedAt + ttlSeconds);
    if (this.options.issuer) jwt.setIssuer(this.options.issuer);
    if (this.options.audience) jwt.setAudience(this.options.audience);
    return jwt.sign(this.options.secret);
  }

  /**
   * The payload of a token this signer issued, still valid now, whose claims include
   * every entry of `required` (e.g. `{ use: 'refresh' }`, so an access token cannot
   * stand in for a refresh token).
   *
   * With `maxAgeSeconds` the token needs no `exp`: it is expired once `iat + maxAgeSeconds`
   * is reached, the way `exp` would expire it.
   */
  async verify(
    token: string,
    required: Record<string, string> = {},
    { maxAgeSeconds }: { maxAgeSeconds?: number } = {},
  ): Promise<JWTPayload> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.options.secret, {
        algorithms: ['HS256'],
        currentDate: new Date(this.options.now()),
        ...(this.options.issuer ? { issuer: this.options.issuer } : {}),
        ...(this.options.audience ? { audience: this.options.audience } : {}),
        requiredClaims: maxAgeSeconds === undefined ? ['exp', 'iat', 'jti'] : ['iat', 'jti'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new TokenRejected('expired');
      throw new TokenRejected('invalid');
    }
    for (const [claim, value] of Object.entries(required)) {
      if (payload[claim] !== value) throw new TokenRejected('invalid');
    }
    if (maxAgeSeconds !== undefined && payload.iat! + maxAgeSeconds <= Math.floor(this.options.now() / 1000)) {
      throw new TokenRejected('expired');
    }
    return payload;
  }
}

/** A key of its own for each purpose, so a token of one API is worthless at another. */
export function deriveKey(secret: string, purpose: string): Uint8Array {
  return new Uint8Array(createHmac('sha256', secret).update(purpose).digest());
}
