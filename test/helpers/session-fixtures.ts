import { SessionManager, type SessionEvents, type SessionOptions } from '../../src/core/session.js';
import { SessionStore } from '../../src/core/session-store.js';
import type { TokenSet } from '../../src/core/tokens.js';
import type { FakeClock } from './fake-clock.js';
import { makeJwt } from './jwt.js';

/** A token set as an API would issue it now, by `serverNow` (which may differ from ours). */
export function issue(serverNow: number, lifetimeSeconds: number, refreshToken: string, claims: Record<string, unknown> = {}): TokenSet {
  const iat = Math.floor(serverNow / 1000);
  const accessClaims = { sub: 'u1', iat, exp: iat + lifetimeSeconds, ...claims };
  return {
    accessToken: makeJwt(accessClaims),
    refreshToken,
    tokenType: 'Bearer',
    expiresAt: (iat + lifetimeSeconds) * 1000,
    claims: accessClaims,
    method: 'password',
    preset: 'wunder',
    response: {},
  };
}

/** A refresh endpoint with rotating refresh tokens; it records every refresh token it is sent. */
export function fakeApi(clock: FakeClock, lifetimeSeconds: number, options: { serverOffset?: number } = {}) {
  const sent: string[] = [];
  let issued = 0;
  const serverNow = () => clock.now() + (options.serverOffset ?? 0);
  return {
    sent,
    first: () => issue(serverNow(), lifetimeSeconds, `r${issued++}`),
    refresh: async (tokens: TokenSet) => {
      sent.push(tokens.refreshToken!);
      return issue(serverNow(), lifetimeSeconds, `r${issued++}`);
    },
  };
}

/** The session's events as a list of words: `login`, `refresh`, `logout:<reason>`. */
export function recorder() {
  const log: string[] = [];
  const events: SessionEvents = {
    login: () => log.push('login'),
    refreshed: () => log.push('refresh'),
    ended: (reason) => log.push(`logout:${reason}`),
  };
  return { log, events };
}

/** A SessionManager on the fake clock, in memory, auto-refreshing, with a fixed jitter. */
export function session(clock: FakeClock, refresh: (tokens: TokenSet) => Promise<TokenSet>, extra: Partial<SessionOptions> = {}) {
  const { log, events } = recorder();
  const manager = new SessionManager({
    store: new SessionStore(undefined, 'test'),
    refresh,
    autoRefresh: true,
    events,
    now: clock.now,
    random: () => 0.5,
    timers: clock,
    ...extra,
  });
  return { manager, log };
}

/** A promise with its settle functions outside: a server answer the test releases when it wants. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export { makeJwt };
