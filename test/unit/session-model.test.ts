// Model-based test of the session engine (issue 14): random sequences of what pages, users,
// tabs, clocks and servers do, with every invariant of src/core/session.ts checked after
// every step. Seeded and reproducible:
//   SESSION_MODEL_SEED=<n>   replay a seed (the seed is printed)
//   SESSION_MODEL_RUNS=<n>   more sequences (default 10,000)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LONGEST_TIMER } from '../../src/core/refresh-schedule.js';
import { FAULTS, type Fault, type Grant, SLOW_MS, TOKEN_SHAPES } from '../helpers/fake-auth-server.js';
import { flush } from '../helpers/fake-clock.js';
import { MemoryStorage } from '../helpers/fake-tabs.js';
import { type Persist, type RefreshPath, SessionWorld, TENANTS, type Tab, type Tenant } from '../helpers/session-world.js';

const SEED = Number(process.env['SESSION_MODEL_SEED'] ?? 20_261_202);
const RUNS = Number(process.env['SESSION_MODEL_RUNS'] ?? 10_000);
const MAX_TABS = 4;
const SECOND = 1000;
const YEAR = 365 * 86_400 * SECOND;
/** How long a signed-in tab may hold an expired token: the last try at expiry, answered slowly, or a hand-over. */
const GRACE_MS = SLOW_MS + 20 * SECOND + 5 * SECOND;
/** Timers one advance may run before the rest of it passes as a sleep (then the tabs recheck). */
const TIMER_BUDGET = 300;

type Model = Record<string, never>;
type Command = fc.AsyncCommand<Model, SessionWorld>;

/** The tab a command names, by position among the open ones. */
const pick = (world: SessionWorld, index: number): Tab | undefined => world.tabs[index % Math.max(1, world.tabs.length)];

/** Everything that must hold between any two steps. */
function checkInvariants(world: SessionWorld, step: string): void {
  const { clock, server } = world;
  assert.deepEqual(server.violations, [], `server saw a broken invariant after ${step}`);
  assert.deepEqual(world.violations, [], `broken invariant after ${step}`);
  assert.ok(clock.longestDelay <= LONGEST_TIMER, `a timer of ${clock.longestDelay} ms (invariant 6)`);
  for (const tab of world.tabs) {
    const tokens = tab.manager.tokens;
    assert.equal(tokens !== null, tab.signedIn, `${tab.name}: session ${tokens ? 'set' : 'null'} but events say ${tab.log.join(' ')} (after ${step})`);
    if (!tokens) continue;
    // Invariant 4, once every message arrived: no tab holds a sign-in that ended in another.
    assert.ok(!world.endedEverywhere.has(tab.chain!), `${tab.name} holds sign-in ${tab.chain}, which ended in another tab (after ${step})`);
    const expiry = tab.manager.expiresAt;
    // Invariant 1, as the page sees it: with auto refresh (or nothing to refresh with) a session
    // never sits on an expired token: it is refreshed, or it ends.
    const { autoRefresh, refreshPath } = world.settings;
    const refreshable = refreshPath === 'cookie' || (refreshPath === 'token' && Boolean(tokens.refreshToken));
    const watched = autoRefresh || !refreshable;
    if (watched && expiry !== undefined) {
      // A machine asleep runs no timers: counted from when it woke.
      const since = Math.max(expiry, awake.get(world) ?? 0);
      assert.ok(clock.now() < since + GRACE_MS, `${tab.name}: still signed in ${clock.now() - expiry} ms after expiry (after ${step})`);
    }
  }
}

/** A page's call whose answer may come later: checked whenever it settles. */
function probe(world: SessionWorld, tab: Tab, what: string, call: Promise<string | null>): void {
  const manager = tab.manager;
  call.then(
    (token) => {
      if (token === null) return;
      if (world.server.expired(token)) world.violations.push(`${tab.name}: ${what} resolved an expired token (invariant 2)`);
      if (manager !== tab.manager || !manager.tokens) world.violations.push(`${tab.name}: ${what} resolved after its session ended (invariant 4)`);
    },
    () => undefined,
  );
}

const tabIndex = fc.nat({ max: MAX_TABS - 1 });

const grant = (tenant: Tenant) =>
  fc.record({
    sub: fc.constantFrom('ada', 'grace'),
    shape: fc.constantFrom(...TOKEN_SHAPES),
    lifetimeSeconds: fc.constantFrom(4, 6, 60, 600, 18_000, 30 * 86_400, 60 * 86_400, 400 * 86_400),
    refresh: fc.constantFrom<Grant['refresh']>('token', 'token', 'none'),
  }).map((fields): Grant => ({ ...fields, tenant }));

/** A step of a sequence: `act` with a drawn value, then every invariant checked. */
function step<T>(values: fc.Arbitrary<T>, name: (value: T) => string, act: (world: SessionWorld, value: T) => unknown): fc.Arbitrary<Command> {
  return values.map((value) => ({
    check: () => true,
    async run(_, world) {
      await act(world, value);
      await flush();
      checkInvariants(world, name(value));
    },
    toString: () => name(value),
  }));
}

/** A step done to one open tab, picked by its position among them. */
function tabStep(name: string, act: (world: SessionWorld, tab: Tab) => unknown): fc.Arbitrary<Command> {
  return step(tabIndex, (index) => `${name}(${index})`, (world, index) => {
    const tab = pick(world, index);
    return tab && act(world, tab);
  });
}

const signIn = step(
  fc.tuple(tabIndex, grant('acme'), grant('globex')),
  ([index, acme]) => `signIn(${index}, ${acme.shape} ${acme.lifetimeSeconds}s refresh:${acme.refresh})`,
  (world, [index, acme, globex]) => {
    const tab = pick(world, index);
    tab?.manager.start(world.server.signIn(tab.tenant === 'acme' ? acme : globex));
  },
);

// Invariant 5: another tenant's tokens are refused at the door.
const signInForeign = tabStep('signInForeign', (world, tab) => {
  const foreign = world.server.signIn({ tenant: tab.tenant === 'acme' ? 'globex' : 'acme', sub: 'ada', shape: 'iat-exp', lifetimeSeconds: 600, refresh: 'token' });
  const before = tab.manager.tokens;
  assert.throws(() => tab.manager.start(foreign), /another preset or tenant/);
  assert.equal(tab.manager.tokens, before);
});

const signOut = tabStep('signOut', async (world, tab) => {
  // As <jwt-login>'s logout() does: only a session the page was told of.
  if (!tab.manager.tokens) return;
  tab.manager.end('user');
  await flush();
  if (world.settings.persist !== 'local') return;
  // Invariant 4: a sign-out reaches every tab that held the session.
  for (const other of world.tabs) {
    if (other.tenant === tab.tenant) assert.equal(other.manager.tokens, null, `${other.name} still signed in after ${tab.name} signed out`);
  }
});

// The race of issue 14's case 4: a tab signs out after the server answered another tab's
// refresh and before that tab's message arrives.
const signOutAtNextAnswer = tabStep('signOutAtNextAnswer', (world, tab) => {
  world.server.onNextAnswer = () => {
    if (world.tabs.includes(tab) && tab.manager.tokens) tab.manager.end('user');
  };
});

const advance = step(
  fc.oneof(fc.integer({ min: 0, max: 10 * SECOND }), fc.integer({ min: 0, max: 3_600 * SECOND }), fc.integer({ min: 0, max: YEAR })),
  (ms) => `advance(${ms})`,
  async (world, ms) => {
    const { clock, server } = world;
    const [firedBefore, requestsBefore] = [clock.fired, server.requests];
    const slept = await clock.advance(ms, TIMER_BUDGET);
    // Invariants 6 and 7: timers fire for requests, hand-overs and expiries, not on their own.
    const fired = clock.fired - firedBefore;
    const requests = server.requests - requestsBefore;
    const idleAllowance = MAX_TABS * (3 + Math.ceil(ms / LONGEST_TIMER));
    assert.ok(fired <= idleAllowance + 8 * requests, `${fired} timers fired for ${requests} requests in ${ms} ms`);
    assert.ok(requests <= MAX_TABS * (ms / SECOND + 3), `${requests} requests in ${ms} ms (invariant 7)`);
    if (slept) await wake(world);
  },
);

const sleep = step(
  fc.integer({ min: 0, max: YEAR }),
  (ms) => `sleep(${ms})`,
  async (world, ms) => {
    world.clock.sleep(ms);
    await wake(world);
  },
);

const openTab = step(
  fc.constantFrom<Tenant>(...TENANTS),
  (tenant) => `openTab(${tenant})`,
  (world, tenant) => world.tabs.length < MAX_TABS && world.open(tenant),
);

const duplicateTab = tabStep('duplicateTab', (world, tab) => {
  if (world.tabs.length >= MAX_TABS) return;
  // The browser copies sessionStorage into the duplicate.
  const copy = new MemoryStorage();
  for (const [key, value] of tab.sessionStorage.items) copy.setItem(key, value);
  return world.open(tab.tenant, copy);
});

const reloadTab = tabStep('reloadTab', (world, tab) => {
  world.close(tab);
  return world.open(tab.tenant, tab.sessionStorage);
});

const forgeMessage = step(
  fc.constantFrom<unknown>(null, 7, { type: 'logout', reason: 'user' }, { type: 'login', record: { id: 'x', tokens: {} } }, { type: 'refresh', record: 'x' }),
  (data) => `forgeMessage(${JSON.stringify(data)})`,
  (world, data) => {
    // Any script of the origin can post on the channel: malformed data is dropped, never thrown on.
    for (const tenant of TENANTS) {
      const channel = world.origin.platform().createChannel(`jwt-login:jwt-login:v1:wunder:https://api.example/v1:${tenant}`);
      channel.postMessage(data);
      channel.close();
    }
  },
);

/** Every step a sequence is made of, with how often it is drawn: sign-ins, time and duplicates are where sessions break. */
const steps: Array<[weight: number, step: fc.Arbitrary<Command>]> = [
  [4, signIn],
  [1, signInForeign],
  [1, tabStep('refreshTokens', (world, tab) => probe(world, tab, 'refreshTokens()', tab.manager.refreshTokens().then((tokens) => tokens.accessToken)))],
  [2, tabStep('getAccessToken', (world, tab) => probe(world, tab, 'getAccessToken()', tab.manager.getAccessToken()))],
  [1, signOut],
  [1, signOutAtNextAnswer],
  [5, advance],
  [1, sleep],
  [1, openTab],
  [1, tabStep('closeTab', (world, tab) => world.tabs.length > 1 && world.close(tab))],
  [3, duplicateTab],
  [1, reloadTab],
  [1, tabStep('changeTenant', (world, tab) => world.reconfigure(tab, tab.tenant === 'acme' ? 'globex' : 'acme'))],
  [2, step(fc.constantFrom<Fault>(...FAULTS), (fault) => `serverFault(${fault})`, (world, fault) => (world.server.fault = fault))],
  [1, forgeMessage],
];

const commands = steps.map(([weight, arbitrary]) => ({ weight, arbitrary }));

/** When each world's machine last woke from a sleep. */
const awake = new WeakMap<SessionWorld, number>();

/** The page noticed it woke (visibilitychange, focus, online): each tab looks again. */
async function wake(world: SessionWorld): Promise<void> {
  awake.set(world, world.clock.now());
  for (const tab of world.tabs) tab.manager.recheck();
  await flush();
}

// fast-check favours the first of several constants: the riskier settings come first.
const settings = fc.record({
  persist: fc.constantFrom<Persist>('session', 'local', 'memory'),
  refreshPath: fc.constantFrom<RefreshPath>('token', 'cookie', 'never'),
  autoRefresh: fc.constantFrom(true, false),
  rotating: fc.constantFrom(true, false),
  seed: fc.integer(),
  tabs: fc.integer({ min: 1, max: 3 }),
});

describe('session engine, model-based', () => {
  it(`keeps every invariant over ${RUNS} random command sequences (seed ${SEED})`, async () => {
    console.log(`session model: seed ${SEED}, ${RUNS} runs (SESSION_MODEL_SEED / SESSION_MODEL_RUNS to change)`);
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(settings, fc.commands([fc.oneof(...commands)], { maxCommands: 25 }), async (run, sequence) => {
        const world = new SessionWorld(run);
        for (let opened = 0; opened < run.tabs; opened += 1) await world.open();
        await fc.asyncModelRun(() => ({ model: {}, real: world }), sequence);
        for (const tab of [...world.tabs]) world.close(tab);
      }),
      { seed: SEED, numRuns: RUNS, includeErrorInReport: true },
    );
    console.log(`session model: ${RUNS} runs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
});
