import { LoginError } from '../../src/core/errors.js';
import type { TokenSet } from '../../src/core/tokens.js';
import type { FakeClock } from './fake-clock.js';
import { makeJwt } from './jwt.js';

/** How the access token tells its lifetime: the claims real servers send, or only the answer's `expires_in`, or nothing. */
export type TokenShape = 'iat-exp' | 'exp' | 'iat-exi' | 'expires-in' | 'none';
export const TOKEN_SHAPES: readonly TokenShape[] = ['iat-exp', 'exp', 'iat-exi', 'expires-in', 'none'];

/** What the server does with the next refresh calls. */
export type Fault = 'ok' | 'network' | '401' | '500' | 'slow' | 'other-subject';
export const FAULTS: readonly Fault[] = ['ok', 'network', '401', '500', 'slow', 'other-subject'];

/** What a sign-in granted; every refresh of it issues the same kind of tokens. */
export interface Grant {
  tenant: string;
  sub: string;
  shape: TokenShape;
  lifetimeSeconds: number;
  /** 'none': no refresh token (a cookie refresh, or none at all). */
  refresh: 'token' | 'none';
}

/** A slow answer waits this long on the fake clock. */
export const SLOW_MS = 25_000;

/**
 * An auth server on the fake clock that checks the client: it records each refresh
 * token it is sent and, when it rotates them, calls a spent one a violation (invariant 3),
 * as it does a refresh token sent to another tenant than issued it (invariant 5).
 * Claims carry fractional `iat`/`exp`, so "expired" is exact to the millisecond.
 */
export class FakeAuthServer {
  fault: Fault = 'ok';
  requests = 0;
  readonly violations: string[] = [];
  /** When each access token it issued really expires (ms), or undefined for one without expiry. */
  readonly #expiry = new Map<string, number | undefined>();
  readonly #grants = new Map<string, Grant>();
  /** Which sign-in each access token continues: 1, 2, … in the order of the sign-ins. */
  readonly #chains = new Map<string, number>();
  #signIns = 0;
  readonly #spent = new Set<string>();
  readonly #waiting = new Map<string, Set<() => void>>();
  /** Runs once, just before the next refresh answer leaves the server (a race the test sets up). */
  onNextAnswer: (() => void) | undefined;
  #issued = 0;

  constructor(
    private readonly clock: FakeClock,
    readonly rotating: boolean,
  ) {}

  signIn(grant: Grant): TokenSet {
    return this.#issue(grant, undefined, (this.#signIns += 1));
  }

  /** The sign-in an access token continues (refreshes keep it), or undefined for one not from here. */
  chainOf(accessToken: string): number | undefined {
    return this.#chains.get(accessToken);
  }

  /** Whether this access token is past its expiry now (false for one the server never issued with an expiry). */
  expired(accessToken: string): boolean {
    const expiry = this.#expiry.get(accessToken);
    return expiry !== undefined && this.clock.now() >= expiry;
  }

  issuedHere(accessToken: string): boolean {
    return this.#expiry.has(accessToken);
  }

  /** The refresh call of one tab, configured for `tenant`. */
  async refresh(tab: string, tenant: string, tokens: TokenSet): Promise<TokenSet> {
    this.requests += 1;
    const fault = this.fault;
    // A slow answer is processed when it is sent; a tab closed meanwhile never had it reach the server.
    if (fault === 'slow') await this.#wait(tab);
    const grant = this.#grants.get(tokens.accessToken);
    if (!grant) throw this.#refused('unknown token');
    if (grant.tenant !== tenant) this.violations.push(`tenant ${grant.tenant}'s tokens were sent to tenant ${tenant}`);
    switch (fault) {
      case 'network':
        throw new LoginError({ code: 'network-error', message: 'offline', method: 'refresh' });
      case '500':
        throw new LoginError({ code: 'server-error', message: 'HTTP 500', method: 'refresh', status: 500 });
      case '401':
        throw this.#refused('refused');
      default:
        break;
    }
    const refreshToken = tokens.refreshToken;
    if (grant.refresh === 'token') {
      if (!refreshToken) throw this.#refused('no refresh token');
      if (this.rotating) {
        if (this.#spent.has(refreshToken)) {
          this.violations.push(`refresh token ${refreshToken} was sent after it was spent`);
          throw this.#refused('spent');
        }
        this.#spent.add(refreshToken);
      }
    }
    const next = fault === 'other-subject' ? { ...grant, sub: 'mallory' } : grant;
    const answer = this.#issue(next, this.rotating ? undefined : refreshToken, this.#chains.get(tokens.accessToken)!);
    const hook = this.onNextAnswer;
    this.onNextAnswer = undefined;
    hook?.();
    return answer;
  }

  /** A tab closed: its slow requests never reach the server. */
  close(tab: string): void {
    for (const cancel of this.#waiting.get(tab) ?? []) cancel();
    this.#waiting.delete(tab);
  }

  #wait(tab: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiting = this.#waiting.get(tab) ?? new Set();
      this.#waiting.set(tab, waiting);
      const cancel = () => {
        this.clock.clearTimeout(handle);
        reject(new DOMException('The tab closed', 'AbortError'));
      };
      const handle = this.clock.setTimeout(() => {
        waiting.delete(cancel);
        resolve();
      }, SLOW_MS);
      waiting.add(cancel);
    });
  }

  #refused(message: string): LoginError {
    return new LoginError({ code: 'refresh-failed', message, method: 'refresh', status: 401 });
  }

  #issue(grant: Grant, keptRefreshToken: string | undefined, chain: number): TokenSet {
    const now = this.clock.now();
    const serial = (this.#issued += 1);
    const lifetime = grant.lifetimeSeconds;
    const iat = now / 1000;
    const claimsByShape: Record<TokenShape, Record<string, unknown>> = {
      'iat-exp': { iat, exp: iat + lifetime },
      exp: { exp: iat + lifetime },
      'iat-exi': { iat, exi: lifetime },
      'expires-in': {},
      none: {},
    };
    const claims = { sub: grant.sub, jti: `a${serial}`, ...claimsByShape[grant.shape] };
    const accessToken = makeJwt(claims);
    const expiresAt = grant.shape === 'none' ? undefined : now + lifetime * 1000;
    this.#expiry.set(accessToken, expiresAt);
    this.#grants.set(accessToken, grant);
    this.#chains.set(accessToken, chain);
    const refreshToken = grant.refresh === 'none' ? undefined : (keptRefreshToken ?? `r${serial}`);
    return {
      accessToken,
      ...(refreshToken ? { refreshToken } : {}),
      tokenType: 'Bearer',
      ...(expiresAt !== undefined ? { expiresAt } : {}),
      claims,
      method: 'password',
      preset: 'wunder',
      tenant: grant.tenant,
      response: {},
    };
  }
}
