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
    const issuedAt = Math.floor(this.options.now() / 1000);
    const jwt = new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds)
      .setJti(randomUUID());
    if (this.options.issuer) jwt.setIssuer(this.options.issuer);
    if (this.options.audience) jwt.setAudience(this.options.audience);
    return jwt.sign(this.options.secret);
  }

  /**
   * The payload of a token this signer issued, still valid now, whose claims include
   * every entry of `required` (e.g. `{ use: 'refresh' }`, so an access token cannot
   * stand in for a refresh token).
   */
  async verify(token: string, required: Record<string, string> = {}): Promise<JWTPayload> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.options.secret, {
        algorithms: ['HS256'],
        currentDate: new Date(this.options.now()),
        ...(this.options.issuer ? { issuer: this.options.issuer } : {}),
        ...(this.options.audience ? { audience: this.options.audience } : {}),
        requiredClaims: ['exp', 'iat', 'jti'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new TokenRejected('expired');
      throw new TokenRejected('invalid');
    }
    for (const [claim, value] of Object.entries(required)) {
      if (payload[claim] !== value) throw new TokenRejected('invalid');
    }
    return payload;
  }
}

/** A key of its own for each purpose, so a token of one API is worthless at another. */
export function deriveKey(secret: string, purpose: string): Uint8Array {
  return new Uint8Array(createHmac('sha256', secret).update(purpose).digest());
}
