import { randomUUID } from 'node:crypto';

interface IssuedRefreshToken {
  family: string;
  used: boolean;
  expiresAt: number;
}

export type RefreshOutcome = { ok: true; family: string } | { ok: false; reason: 'reused' | 'revoked' | 'unknown' };

/**
 * One-time refresh tokens grouped in families (one family per sign-in). A refresh
 * token presented a second time means two parties hold it, one of them a thief, so
 * the whole family is revoked and the session has to sign in again.
 */
export class RefreshRotation {
  private readonly tokens = new Map<string, IssuedRefreshToken>();
  private readonly revokedFamilies = new Set<string>();

  constructor(private readonly now: () => number) {}

  newFamily(): string {
    return randomUUID();
  }

  /** Remembers a refresh token (by its `jti`) as the live one of `family`. */
  register(jti: string, family: string, expiresAtMs: number): void {
    this.forgetExpired();
    this.tokens.set(jti, { family, used: false, expiresAt: expiresAtMs });
  }

  /** Spends the refresh token `jti`; only the first call for a token succeeds. */
  consume(jti: string): RefreshOutcome {
    const token = this.tokens.get(jti);
    if (!token) return { ok: false, reason: 'unknown' };
    if (this.revokedFamilies.has(token.family)) return { ok: false, reason: 'revoked' };
    if (token.used) {
      this.revokedFamilies.add(token.family);
      return { ok: false, reason: 'reused' };
    }
    token.used = true;
    return { ok: true, family: token.family };
  }

  /** Sign-out: no token of the family is accepted any more. */
  revokeFamily(family: string): void {
    this.revokedFamilies.add(family);
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [jti, token] of this.tokens) {
      if (token.expiresAt <= now) this.tokens.delete(jti);
    }
  }
}
