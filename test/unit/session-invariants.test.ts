// The ways the session engine broke in issue 14's attack run, one test each: every one failed
// before its fix. The model-based test (session-model.test.ts) checks the same invariants at random.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LoginError } from '../../src/core/errors.js';
import { SessionStore } from '../../src/core/session-store.js';
import { TabCoordinator } from '../../src/core/tab-coordinator.js';
import type { TokenSet } from '../../src/core/tokens.js';
import { FakeClock, flush } from '../helpers/fake-clock.js';
import { FakeOrigin, MemoryStorage } from '../helpers/fake-tabs.js';
import { deferred, fakeApi, issue, makeJwt, session } from '../helpers/session-fixtures.js';

const MAX_TIMER = 2 ** 31 - 1;
const DAY = 86_400_000;
const passing = () => new LoginError({ code: 'network-error', message: 'offline', method: 'refresh' });

/** Two tabs sharing localStorage, locks and a channel; the first leads. */
async function twoTabs(clock: FakeClock, refresh: (tokens: TokenSet) => Promise<TokenSet>) {
  const origin = new FakeOrigin(clock.now);
  const open = () =>
    session(clock, refresh, {
      store: new SessionStore(origin.storage, 'key'),
      coordinator: new TabCoordinator('key', origin.platform()),
    });
  const tabs = [open(), open()] as const;
  for (const tab of tabs) await tab.manager.connect();
  return { origin, tabs };
}

describe('invariant 1: a refresh stays scheduled whoever ran the last one', () => {
  it('keeps refreshing on its own after the page called refreshTokens()', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 6);
    const { manager, log } = session(clock, api.refresh);
    manager.start(api.first());
    await manager.refreshTokens();
    await clock.advance(15_000);
    assert.ok(api.sent.length >= 3, `refreshes: ${api.sent.length}`);
    assert.notEqual(manager.tokens, null);
    assert.ok(!log.some((entry) => entry.startsWith('logout')));
  });

  it('keeps refreshing on its own after a refreshTokens() that failed for a passing reason', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 6);
    let fail = true;
    const { manager } = session(clock, async (tokens) => {
      if (fail) throw passing();
      return api.refresh(tokens);
    });
    manager.start(api.first());
    await manager.refreshTokens().catch(() => undefined);
    fail = false;
    await clock.advance(15_000);
    assert.ok(api.sent.length >= 2, `refreshes: ${api.sent.length}`);
    assert.notEqual(manager.tokens, null);
  });

  it('keeps refreshing on its own after getAccessToken() refreshed late in the token’s life', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 6);
    const { manager } = session(clock, api.refresh, { random: () => 0.999 });
    manager.start(api.first());
    // Asleep past 90 % of the lifetime: the page's call comes before the timer's.
    clock.sleep(5_500);
    await manager.getAccessToken();
    const before = api.sent.length;
    await clock.advance(15_000);
    assert.ok(api.sent.length >= before + 2, `refreshes: ${before} then ${api.sent.length}`);
  });

  it('keeps the leader refreshing on its own after it served another tab’s request', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 6);
    const { tabs } = await twoTabs(clock, api.refresh);
    tabs[0].manager.start(api.first());
    await clock.advance(10);
    await tabs[1].manager.refreshTokens();
    const before = api.sent.length;
    await clock.advance(15_000);
    assert.ok(api.sent.length >= before + 2, `refreshes: ${before} then ${api.sent.length}`);
    assert.notEqual(tabs[1].manager.tokens, null);
  });
});

describe('invariant 2: getAccessToken never resolves an expired token', () => {
  const expOnly = (clock: FakeClock, seconds: number, refreshToken = 'r0'): TokenSet => {
    const claims = { sub: 'u1', exp: Math.floor(clock.now() / 1000) + seconds };
    return { ...issue(clock.now(), seconds, refreshToken), accessToken: makeJwt(claims), claims };
  };

  it('refreshes a token with exp and no iat before it expires', async () => {
    const clock = new FakeClock();
    const sent: string[] = [];
    const { manager } = session(clock, async (tokens) => (sent.push(tokens.refreshToken!), expOnly(clock, 60, `r${sent.length}`)));
    manager.start(expOnly(clock, 60));
    await clock.advance(59_000);
    assert.deepEqual(sent, ['r0']);
  });

  it('does not hand out a token with exp and no iat once it expired', async () => {
    const clock = new FakeClock();
    const first = expOnly(clock, 60);
    const { manager } = session(clock, async () => expOnly(clock, 60, 'r1'), { autoRefresh: false });
    manager.start(first);
    clock.sleep(61_000);
    assert.notEqual(await manager.getAccessToken(), first.accessToken);
  });
});

describe('a token that expired before it arrived', () => {
  it('counts as expired, not as a full lifetime from its arrival', async () => {
    const clock = new FakeClock();
    const hourAgo = clock.now() - 3_600_000;
    const stale = issue(hourAgo - 3_600_000, 3_600, 'r0');
    const { manager } = session(clock, async () => Promise.reject(passing()), { autoRefresh: false });
    manager.start(stale);
    assert.ok(manager.expiresAt! <= clock.now(), `expires in ${(manager.expiresAt! - clock.now()) / 60_000} min`);
    await assert.rejects(manager.getAccessToken());
  });

  it('still takes its lifetime from the token when the server clock lags by a minute', () => {
    const clock = new FakeClock();
    const { manager } = session(clock, async (tokens) => tokens);
    manager.start(issue(clock.now() - 60_000, 600, 'r0'));
    assert.equal(manager.expiresAt, clock.now() + 600_000);
  });
});

describe('invariant 6: no timer beyond 2^31−1 ms, no busy wake-ups', () => {
  for (const [name, refreshToken] of [
    ['a 60-day token with a refresh token', 'r0'],
    ['a 30-day token without one', undefined],
  ] as const) {
    it(`sets no timer longer than 2^31−1 ms and wakes rarely for ${name}`, async () => {
      const clock = new FakeClock();
      const days = refreshToken ? 60 : 30;
      const tokens = issue(clock.now(), days * 86_400, refreshToken ?? '');
      if (!refreshToken) delete tokens.refreshToken;
      const { manager } = session(clock, async () => issue(clock.now(), days * 86_400, 'r1'));
      manager.start(tokens);
      await clock.advance(days * DAY);
      assert.ok(clock.longestDelay <= MAX_TIMER, `longest timer: ${clock.longestDelay}`);
      assert.ok(clock.fired <= 10, `timers fired: ${clock.fired}`);
    });
  }
});

describe('invariant 4: an ended session stays ended', () => {
  it('is not revived by a refresh message that was already on its way when the tab signed out', async () => {
    const answer = deferred<TokenSet>();
    const clock = new FakeClock();
    const { origin, tabs } = await twoTabs(clock, () => answer.promise);
    tabs[0].manager.start(issue(clock.now(), 600, 'r0'));
    await clock.advance(10);
    const refreshing = tabs[0].manager.refreshTokens();
    answer.resolve(issue(clock.now(), 600, 'r1'));
    await refreshing;
    // The leader has posted its 'refresh' message; the other tab signs out before it arrives.
    tabs[1].manager.end('user');
    await flush();
    assert.equal(tabs[1].manager.tokens, null);
    assert.equal(tabs[0].manager.tokens, null);
    assert.deepEqual(tabs[1].log, ['login', 'logout:user']);
    assert.equal(origin.storage.items.size, 0);
  });

  it('leaves nothing in storage when the leader saved a refresh just after another tab signed out', async () => {
    const answer = deferred<TokenSet>();
    const clock = new FakeClock();
    const { origin, tabs } = await twoTabs(clock, () => answer.promise);
    tabs[0].manager.start(issue(clock.now(), 600, 'r0'));
    await clock.advance(10);
    const refreshing = tabs[0].manager.refreshTokens().catch(() => undefined);
    tabs[1].manager.end('user');
    answer.resolve(issue(clock.now(), 600, 'r1'));
    await refreshing;
    await flush();
    assert.equal(origin.storage.items.size, 0);
    const reopened = session(clock, async (tokens) => tokens, { store: new SessionStore(origin.storage, 'key') });
    await reopened.manager.connect();
    assert.equal(reopened.manager.tokens, null);
  });

  it('does not resolve refreshTokens() with new tokens when logout() came during the refresh', async () => {
    const clock = new FakeClock();
    const answer = deferred<TokenSet>();
    const { manager, log } = session(clock, () => answer.promise);
    manager.start(issue(clock.now(), 600, 'r0'));
    const refreshing = manager.refreshTokens();
    manager.end('user');
    answer.resolve(issue(clock.now(), 600, 'r1'));
    await assert.rejects(refreshing, (error: unknown) => error instanceof LoginError && error.code === 'refresh-failed');
    assert.equal(manager.tokens, null);
    assert.deepEqual(log, ['login', 'logout:user']);
  });
});

describe('tab messages are checked, not trusted', () => {
  async function forge(data: unknown) {
    const clock = new FakeClock();
    const origin = new FakeOrigin(clock.now);
    const { manager, log } = session(clock, async (tokens) => tokens, {
      store: new SessionStore(origin.storage, 'key'),
      coordinator: new TabCoordinator('key', origin.platform()),
    });
    await manager.connect();
    const attacker = origin.platform().createChannel('jwt-login:key');
    attacker.postMessage(data);
    await flush();
    return { manager, log };
  }

  for (const data of [null, 42, 'login', {}, { type: 'login' }, { type: 'login', record: null }, { type: 'refresh', record: { tokens: {} } }, { type: 'logout', reason: 'bogus' }, { type: 'refresh-request', accessToken: 7 }]) {
    it(`ignores the malformed message ${JSON.stringify(data)} without throwing`, async () => {
      const { manager, log } = await forge(data);
      assert.equal(manager.tokens, null);
      assert.deepEqual(log, []);
    });
  }

  it('decodes the claims from the access token rather than taking the message’s', async () => {
    const accessToken = makeJwt({ sub: 'guest', exp: 2_000_000_000 });
    const record = {
      id: 'forged',
      obtainedAt: 1_700_000_000_000,
      tokens: { accessToken, tokenType: 'Bearer', claims: { sub: 'admin', role: 'root' }, method: 'password', preset: 'wunder', response: {} },
    };
    const { manager } = await forge({ type: 'login', record });
    assert.equal(manager.tokens?.claims.sub, 'guest');
    assert.equal(manager.tokens?.claims['role'], undefined);
  });
});

describe('a tab that asks the leader for tokens', () => {
  it('gets the leader’s newer tokens without a refresh when it is behind (refresh tokens that do not rotate)', async () => {
    const clock = new FakeClock();
    const origin = new FakeOrigin(clock.now);
    let refreshes = 0;
    const { manager } = session(clock, async () => (refreshes++, issue(clock.now(), 600, 'fixed')), {
      store: new SessionStore(origin.storage, 'key'),
      coordinator: new TabCoordinator('key', origin.platform()),
    });
    await manager.connect();
    const first = issue(clock.now(), 600, 'fixed');
    manager.start(first);
    await clock.advance(1_000);
    await manager.refreshTokens();
    const heard: unknown[] = [];
    const behind = origin.platform().createChannel('jwt-login:key');
    behind.onmessage = (event) => heard.push(event.data);
    behind.postMessage({ type: 'refresh-request', accessToken: first.accessToken });
    await flush();
    assert.equal(refreshes, 1);
    assert.deepEqual(
      heard.map((message) => (message as { record?: { tokens: TokenSet } }).record?.tokens.accessToken),
      [manager.tokens!.accessToken],
    );
  });
});

describe('a refresh answered with another subject’s token', () => {
  it('is refused: the session ends as refresh-failed and refreshTokens() rejects', async () => {
    const clock = new FakeClock();
    const { manager, log } = session(clock, async () => issue(clock.now(), 600, 'r1', { sub: 'someone-else' }));
    manager.start(issue(clock.now(), 600, 'r0'));
    await assert.rejects(manager.refreshTokens(), (error: unknown) => error instanceof LoginError && error.code === 'refresh-failed');
    assert.equal(manager.tokens, null);
    assert.deepEqual(log, ['login', 'logout:refresh-failed']);
  });
});

describe('invariant 7: passing failures are retried, boundedly', () => {
  it('keeps a 4-second token’s session through one failed refresh', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 4);
    let failures = 1;
    const { manager, log } = session(clock, async (tokens) => {
      if (failures-- > 0) throw passing();
      return api.refresh(tokens);
    });
    manager.start(api.first());
    await clock.advance(6_000);
    assert.notEqual(manager.tokens, null);
    assert.deepEqual(log.slice(0, 2), ['login', 'refresh']);
  });

  it('refreshes at most about once a second when the server issues tokens that live 10 ms', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const brief = () => {
      const claims = { sub: 'u1', iat: clock.now() / 1000, exp: clock.now() / 1000 + 0.01 };
      return { ...issue(clock.now(), 1, `r${calls}`), accessToken: makeJwt(claims), claims };
    };
    const { manager } = session(clock, async () => (calls++, brief()));
    manager.start(brief());
    await clock.advance(10_000, 5_000);
    assert.ok(calls <= 11, `refreshes in 10 s: ${calls}`);
  });

  it('ends a 4-second token’s session as expired when every refresh fails, after a bounded number of tries', async () => {
    const clock = new FakeClock();
    let attempts = 0;
    const { manager, log } = session(clock, async () => {
      attempts += 1;
      throw passing();
    });
    manager.start(issue(clock.now(), 4, 'r0'));
    await clock.advance(60_000);
    assert.deepEqual(log, ['login', 'logout:expired']);
    assert.ok(attempts <= 3, `attempts: ${attempts}`);
  });
});

describe('a duplicated tab (persist="session" copies sessionStorage)', () => {
  function tab(clock: FakeClock, storage: MemoryStorage, id: string, alive: Set<string>, refresh: (tokens: TokenSet) => Promise<TokenSet>) {
    alive.add(id);
    return session(clock, refresh, {
      store: new SessionStore(storage, 'key'),
      presence: { id, isAlive: async (other) => alive.has(other) },
    });
  }
  const copy = (storage: MemoryStorage) => {
    const duplicate = new MemoryStorage();
    for (const [key, value] of storage.items) duplicate.setItem(key, value);
    return duplicate;
  };

  it('never sends the refresh token the original tab holds', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 60);
    const alive = new Set<string>();
    const storage = new MemoryStorage();
    const original = tab(clock, storage, 't1', alive, api.refresh);
    await original.manager.connect();
    original.manager.start(api.first());
    const duplicate = tab(clock, copy(storage), 't2', alive, api.refresh);
    await duplicate.manager.connect();
    assert.equal(duplicate.manager.tokens?.accessToken, original.manager.tokens?.accessToken);
    await clock.advance(180_000);
    assert.equal(new Set(api.sent).size, api.sent.length, `sent: ${api.sent.join(' ')}`);
    assert.notEqual(original.manager.tokens, null);
    assert.deepEqual(duplicate.log, ['login', 'logout:expired']);
  });

  it('takes the session over after a reload (the owner is gone)', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 60);
    const alive = new Set<string>();
    const storage = new MemoryStorage();
    const before = tab(clock, storage, 't1', alive, api.refresh);
    await before.manager.connect();
    before.manager.start(api.first());
    before.manager.dispose();
    alive.delete('t1');
    const after = tab(clock, storage, 't3', alive, api.refresh);
    await after.manager.connect();
    await clock.advance(180_000);
    assert.deepEqual(api.sent, ['r0', 'r1', 'r2', 'r3']);
    assert.deepEqual(after.log, ['login', 'refresh', 'refresh', 'refresh', 'refresh']);
  });
});

describe('invariant 5: tokens belong to the configuration that requested them', () => {
  it('refuses to start a session with tokens of another preset or tenant', () => {
    const clock = new FakeClock();
    for (const [preset, tenant] of [['datarhei', undefined], ['wunder', 'globex']] as const) {
      const { manager, log } = session(clock, async (tokens) => tokens, { configuration: { preset: 'wunder', tenant: 'acme' } });
      const tokens = { ...issue(clock.now(), 600, 'r0'), preset, ...(tenant ? { tenant } : {}) };
      assert.throws(() => manager.start(tokens), (error: unknown) => error instanceof LoginError && error.code === 'config-error');
      assert.equal(manager.tokens, null);
      assert.deepEqual(log, []);
    }
  });

  it('starts a session with tokens of its own configuration', () => {
    const clock = new FakeClock();
    const { manager } = session(clock, async (tokens) => tokens, { configuration: { preset: 'wunder', tenant: 'acme' } });
    manager.start({ ...issue(clock.now(), 600, 'r0'), tenant: 'acme' });
    assert.notEqual(manager.tokens, null);
  });
});

describe('refreshable: whether a refresh can be attempted at all', () => {
  it('without a refresh path, lets the session last until expiry and then ends it as expired', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 60);
    const { manager, log } = session(clock, api.refresh, { refreshable: () => false });
    const first = api.first();
    manager.start(first);
    await assert.rejects(manager.refreshTokens(), (error: unknown) => error instanceof LoginError && error.code === 'refresh-failed');
    assert.notEqual(manager.tokens, null);
    await clock.advance(55_000);
    assert.equal(await manager.getAccessToken(), first.accessToken);
    await clock.advance(5_000);
    assert.deepEqual(api.sent, []);
    assert.deepEqual(log, ['login', 'logout:expired']);
  });

  it('without a refresh path and refresh="manual", getAccessToken() is null once the token expired', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 60);
    const { manager, log } = session(clock, api.refresh, { refreshable: () => false, autoRefresh: false });
    manager.start(api.first());
    clock.sleep(61_000);
    assert.equal(await manager.getAccessToken(), null);
    assert.deepEqual(log, ['login', 'logout:expired']);
  });

  it('refreshes without a refresh token when the API refreshes by cookie', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const cookieToken = () => {
      const tokens = issue(clock.now(), 60, '');
      delete tokens.refreshToken;
      return tokens;
    };
    const { manager } = session(clock, async () => (calls++, cookieToken()), { refreshable: () => true });
    manager.start(cookieToken());
    await clock.advance(120_000);
    assert.ok(calls >= 2, `refreshes: ${calls}`);
    assert.notEqual(manager.tokens, null);
  });
});
