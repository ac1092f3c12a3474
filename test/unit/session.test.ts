import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LoginError } from '../../src/core/errors.js';
import { sessionKey } from '../../src/core/session-key.js';
import { SessionStore } from '../../src/core/session-store.js';
import { TabCoordinator } from '../../src/core/tab-coordinator.js';
import type { TokenSet } from '../../src/core/tokens.js';
import { FakeClock, flush } from '../helpers/fake-clock.js';
import { FakeOrigin, MemoryStorage } from '../helpers/fake-tabs.js';
import { makeJwt } from '../helpers/jwt.js';
import { fakeApi, issue, session } from '../helpers/session-fixtures.js';

describe('refresh schedule', () => {
  for (const [name, lifetime] of [
    ['4-second', 4],
    ['10-minute', 600],
    ['5-hour', 18_000],
  ] as const) {
    it(`refreshes a ${name} token once per lifetime, between 65 % and 85 % of it`, async () => {
      const clock = new FakeClock();
      const api = fakeApi(clock, lifetime);
      const refreshedAt: number[] = [];
      const { manager } = session(clock, async (tokens) => {
        refreshedAt.push(clock.now());
        return api.refresh(tokens);
      });
      manager.start(api.first());
      const startedAt = clock.now();
      await clock.advance(lifetime * 1000 * 5);
      assert.equal(refreshedAt.length >= 5 && refreshedAt.length <= 8, true, `refreshes: ${refreshedAt.length}`);
      let previous = startedAt;
      for (const at of refreshedAt) {
        const share = (at - previous) / (lifetime * 1000);
        assert.ok(share >= 0.65 && share <= 0.85, `refreshed at ${share} of the lifetime`);
        previous = at;
      }
    });
  }

  it('spreads refreshes with jitter across the window', async () => {
    const points = [0, 0.999].map((random) => {
      const clock = new FakeClock();
      const api = fakeApi(clock, 100);
      let at = 0;
      const { manager } = session(clock, async (tokens) => ((at = clock.now()), api.refresh(tokens)), { random: () => random });
      manager.start(api.first());
      return clock.advance(100_000).then(() => (at - 1_700_000_000_000) / 100_000);
    });
    const [early, late] = await Promise.all(points);
    assert.ok(early! < 0.66 && late! > 0.84, `${early} … ${late}`);
  });

  it('works from the token’s own lifetime when the server clock is 10 minutes off', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 600, { serverOffset: 10 * 60_000 });
    let refreshedAt = 0;
    const { manager } = session(clock, async (tokens) => ((refreshedAt = clock.now()), api.refresh(tokens)));
    manager.start(api.first());
    await clock.advance(600_000);
    assert.equal(refreshedAt - 1_700_000_000_000, 0.75 * 600_000);
  });

  it('takes the lifetime from iat + exi when the token has no exp (datarhei)', async () => {
    const clock = new FakeClock();
    let refreshedAt = 0;
    const iat = Math.floor(clock.now() / 1000);
    const claims = { iat, exi: 600, usefor: 'access' };
    const tokens: TokenSet = { ...issue(clock.now(), 1, 'r'), accessToken: makeJwt(claims), claims, expiresAt: (iat + 600) * 1000 };
    const { manager } = session(clock, async () => ((refreshedAt = clock.now()), issue(clock.now(), 600, 'r2')));
    manager.start(tokens);
    await clock.advance(600_000);
    assert.equal(refreshedAt - 1_700_000_000_000, 450_000);
  });

  it('takes the lifetime from expires_in when the token has neither', async () => {
    const clock = new FakeClock();
    let refreshedAt = 0;
    const claims = { sub: 'x' };
    const tokens: TokenSet = { ...issue(clock.now(), 1, 'r'), accessToken: makeJwt(claims), claims, expiresAt: clock.now() + 120_000 };
    const { manager } = session(clock, async () => ((refreshedAt = clock.now()), issue(clock.now(), 120, 'r2')));
    manager.start(tokens);
    await clock.advance(120_000);
    assert.equal(refreshedAt - 1_700_000_000_000, 90_000);
  });

  it('does not refresh on its own with refresh="manual"', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 4);
    const { manager } = session(clock, api.refresh, { autoRefresh: false });
    manager.start(api.first());
    await clock.advance(20_000);
    assert.deepEqual(api.sent, []);
  });

  it('refreshes at once when the machine wakes from sleep past the refresh time', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 600);
    const { manager } = session(clock, api.refresh);
    manager.start(api.first());
    clock.sleep(500_000);
    manager.recheck();
    await flush();
    assert.deepEqual(api.sent, ['r0']);
  });
});

describe('refresh calls', () => {
  it('shares one request among concurrent callers', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 600);
    const { manager } = session(clock, api.refresh);
    manager.start(api.first());
    const [a, b] = await Promise.all([manager.refreshTokens(), manager.refreshTokens(), manager.getAccessToken()]);
    assert.deepEqual(api.sent, ['r0']);
    assert.equal(a, b);
  });

  it('getAccessToken returns the token as it is while it is fresh', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 600);
    const { manager } = session(clock, api.refresh, { autoRefresh: false });
    const first = api.first();
    manager.start(first);
    assert.equal(await manager.getAccessToken(), first.accessToken);
    assert.deepEqual(api.sent, []);
  });

  it('getAccessToken refreshes first when the token is about to expire', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 600);
    const { manager } = session(clock, api.refresh, { autoRefresh: false });
    const first = api.first();
    manager.start(first);
    await clock.advance(550_000);
    const token = await manager.getAccessToken();
    assert.notEqual(token, first.accessToken);
    assert.deepEqual(api.sent, ['r0']);
  });

  it('getAccessToken is null when signed out', async () => {
    const clock = new FakeClock();
    const { manager } = session(clock, fakeApi(clock, 600).refresh);
    assert.equal(await manager.getAccessToken(), null);
  });

  it('ends the session as refresh-failed when the server refuses the refresh token', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 4);
    const refused = new LoginError({ code: 'refresh-failed', message: 'HTTP 401', method: 'refresh', status: 401 });
    const { manager, log } = session(clock, async () => Promise.reject(refused));
    manager.start(api.first());
    await clock.advance(4000);
    assert.deepEqual(log, ['login', 'logout:refresh-failed']);
    assert.equal(manager.tokens, null);
  });

  it('retries a network failure with backoff and keeps the session', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 600);
    const attempts: number[] = [];
    const { manager, log } = session(clock, async (tokens) => {
      attempts.push(clock.now());
      if (attempts.length < 3) throw new LoginError({ code: 'network-error', message: 'offline', method: 'refresh' });
      return api.refresh(tokens);
    });
    manager.start(api.first());
    await clock.advance(460_000);
    assert.equal(attempts.length, 3);
    assert.deepEqual([attempts[1]! - attempts[0]!, attempts[2]! - attempts[1]!], [1000, 2000]);
    assert.deepEqual(log, ['login', 'refresh']);
  });

  it('ends the session as expired when refreshing fails until the token expires', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 10);
    const { manager, log } = session(clock, async () => {
      throw new LoginError({ code: 'timeout', message: 'slow', method: 'refresh' });
    });
    manager.start(api.first());
    await clock.advance(30_000);
    assert.deepEqual(log, ['login', 'logout:expired']);
  });
});

describe('persistence', () => {
  function persisted(clock: FakeClock, storage: MemoryStorage, refresh: (tokens: TokenSet) => Promise<TokenSet>) {
    return session(clock, refresh, { store: new SessionStore(storage, 'key') });
  }

  it('restores a fresh session', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 600);
    const storage = new MemoryStorage();
    persisted(clock, storage, api.refresh).manager.start(api.first());
    const { manager, log } = persisted(clock, storage, api.refresh);
    await manager.connect();
    assert.deepEqual(log, ['login']);
    assert.equal(manager.tokens?.refreshToken, 'r0');
    assert.deepEqual(api.sent, []);
  });

  it('refreshes an expired access token on restore when the refresh token lives', async () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 60);
    const storage = new MemoryStorage();
    persisted(clock, storage, api.refresh).manager.start(api.first());
    clock.sleep(120_000);
    const { manager, log } = persisted(clock, storage, api.refresh);
    await manager.connect();
    assert.deepEqual(api.sent, ['r0']);
    assert.deepEqual(log, ['login']);
    assert.equal(manager.tokens?.refreshToken, 'r1');
  });

  it('clears a session whose tokens both expired and says so', async () => {
    const clock = new FakeClock();
    const storage = new MemoryStorage();
    const expiredRefresh = makeJwt({ exp: Math.floor(clock.now() / 1000) + 30 });
    persisted(clock, storage, async (t) => t).manager.start(issue(clock.now(), 10, expiredRefresh));
    clock.sleep(60_000);
    const { manager, log } = persisted(clock, storage, async (t) => t);
    await manager.connect();
    assert.deepEqual(log, ['logout:expired']);
    assert.equal(storage.items.size, 0);
  });

  it('discards corrupt stored data without a crash', async () => {
    const clock = new FakeClock();
    const storage = new MemoryStorage();
    for (const junk of ['{not json', '[]', '{"tokens":{"accessToken":"x"},"obtainedAt":1}', 'null']) {
      storage.setItem('key', junk);
      const { manager, log } = persisted(clock, storage, async (t) => t);
      await manager.connect();
      assert.deepEqual(log, []);
      assert.equal(storage.getItem('key'), junk === 'null' ? null : null);
    }
  });

  it('does not write the answer body to the page’s storage (it may hold profile data)', () => {
    const clock = new FakeClock();
    const api = fakeApi(clock, 600);
    const storage = new MemoryStorage();
    const tokens = { ...api.first(), response: { accessToken: 'a', profile: { email: 'ada@example.com', address: 'Somewhere 1' } } };
    persisted(clock, storage, api.refresh).manager.start(tokens);
    assert.doesNotMatch(storage.getItem('key')!, /ada@example\.com|Somewhere/);
    assert.deepEqual(new SessionStore(storage, 'key').load()?.tokens.response, {});
  });

  it('keeps the answer body in the element’s own memory', () => {
    const storage = new MemoryStorage();
    const store = new SessionStore(storage, 'key', { keepResponse: true });
    const clock = new FakeClock();
    const tokens = { ...fakeApi(clock, 600).first(), response: { jwt_token: 'extra' } };
    store.save({ id: 's', tokens, obtainedAt: clock.now() });
    assert.deepEqual(store.load()?.tokens.response, { jwt_token: 'extra' });
  });

  it('keys sessions by base URL, tenant and preset', () => {
    const keys = new Set([
      sessionKey({ baseUrl: 'https://a.example/v1', preset: 'wunder', tenant: 'acme' }),
      sessionKey({ baseUrl: 'https://a.example/v1', preset: 'wunder', tenant: 'globex' }),
      sessionKey({ baseUrl: 'https://b.example/v1', preset: 'wunder', tenant: 'acme' }),
      sessionKey({ baseUrl: 'https://a.example/v1', preset: 'auth-login', tenant: 'acme' }),
    ]);
    assert.equal(keys.size, 4);
  });
});

describe('across tabs', () => {
  function tabs(count: number, options: { withLocks?: boolean; lifetime?: number } = {}) {
    const clock = new FakeClock();
    const origin = new FakeOrigin(clock.now);
    const api = fakeApi(clock, options.lifetime ?? 10);
    const opened = Array.from({ length: count }, () =>
      session(clock, api.refresh, {
        store: new SessionStore(origin.storage, 'key'),
        coordinator: new TabCoordinator('key', origin.platform({ withLocks: options.withLocks ?? true })),
        random: Math.random,
      }),
    );
    return { clock, api, opened };
  }

  for (const count of [1, 3, 10]) {
    it(`refreshes once per lifetime with ${count} tab(s) open, never sending a refresh token twice`, async () => {
      const { clock, api, opened } = tabs(count);
      for (const tab of opened) await tab.manager.connect();
      opened[0]!.manager.start(api.first());
      await clock.advance(10_000 * 6);
      assert.ok(api.sent.length >= 6 && api.sent.length <= 9, `refreshes: ${api.sent.length}`);
      assert.equal(new Set(api.sent).size, api.sent.length, 'a refresh token was sent twice');
      const current = opened[0]!.manager.tokens?.refreshToken;
      for (const tab of opened) assert.equal(tab.manager.tokens?.refreshToken, current);
    });
  }

  it('lets exactly one tab lead', async () => {
    const { opened } = tabs(3);
    for (const tab of opened) await tab.manager.connect();
    const leaders = opened.map((tab) => (tab.manager as unknown as { options: { coordinator: TabCoordinator } }).options.coordinator.leader);
    assert.deepEqual(leaders, [true, false, false]);
  });

  it('lets the lock go when a tab stops before its lock is granted', async () => {
    const origin = new FakeOrigin(new FakeClock().now);
    const handlers = { onMessage: () => undefined, onLeadership: () => undefined };
    const removed = new TabCoordinator('key', origin.platform());
    const starting = removed.start(handlers);
    removed.stop();
    await starting;
    const next = new TabCoordinator('key', origin.platform());
    await next.start(handlers);
    assert.equal(removed.leader, false);
    assert.equal(next.leader, true);
  });

  it('signs the other tabs in and out', async () => {
    const { clock, api, opened } = tabs(3);
    for (const tab of opened) await tab.manager.connect();
    opened[1]!.manager.start(api.first());
    await clock.advance(10);
    assert.deepEqual(opened.map((tab) => tab.log), [['login'], ['login'], ['login']]);
    opened[2]!.manager.end('user');
    await clock.advance(10);
    assert.deepEqual(
      opened.map((tab) => tab.log.at(-1)),
      ['logout:user', 'logout:user', 'logout:user'],
    );
  });

  it('fires token-refresh in the tabs that adopt the new tokens', async () => {
    const { clock, api, opened } = tabs(2);
    for (const tab of opened) await tab.manager.connect();
    opened[0]!.manager.start(api.first());
    await clock.advance(9000);
    assert.deepEqual(opened[1]!.log, ['login', 'refresh']);
  });

  it('hands the lead to another tab when the leading tab closes', async () => {
    const { clock, api, opened } = tabs(2);
    for (const tab of opened) await tab.manager.connect();
    opened[0]!.manager.start(api.first());
    await clock.advance(9000);
    opened[0]!.manager.dispose();
    await clock.advance(30_000);
    assert.ok(api.sent.length >= 3);
    assert.equal(new Set(api.sent).size, api.sent.length);
    assert.equal(opened[1]!.manager.tokens?.refreshToken, `r${api.sent.length}`);
  });

  it('refreshes once per lifetime without Web Locks, under a storage lease', async () => {
    const { clock, api, opened } = tabs(3, { withLocks: false });
    for (const tab of opened) await tab.manager.connect();
    opened[0]!.manager.start(api.first());
    await clock.advance(10_000 * 4);
    assert.equal(new Set(api.sent).size, api.sent.length, 'a refresh token was sent twice');
    assert.ok(api.sent.length >= 4 && api.sent.length <= 6, `refreshes: ${api.sent.length}`);
  });
});
