/**
 * Mount/unmount cycles: `<jwt-login>` created, appended, rendered, removed, over and over,
 * in four situations, each on a fresh page:
 *
 * - signed out (the default `persist="memory"`): 1000 cycles; the heap before and after,
 *   each after a full GC (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage);
 * - signed in with `persist="session"`: every mount restores the session, so the refresh
 *   timer and the expiry countdown run and must be stopped by the unmount;
 * - signed in with `persist="local"`: the same plus the BroadcastChannel and Web Lock the
 *   tabs share the session through;
 * - `persist="local"` again, each element removed right after its first render, while it
 *   is still joining the other tabs (lock requested, nothing restored yet).
 *
 * The resource probe (an init script) counts what is still live after the cycles against
 * what was live before the first element; one element in ten is held by a WeakRef, to
 * count how many a GC could not free.
 */
import type { Browser, CDPSession, Page } from 'playwright';
import type { AuthServer } from '../../demo/server/index.js';
import { DEMO_CREDENTIALS } from '../../demo/server/index.js';
import { initScript } from './page-script.js';
import { installResourceProbe, leftOver, type LiveEntry, type ProbeSnapshot, type Tally } from './resource-probe.js';
import { assetPath, page, type PageServer } from './serve.js';

export interface ScenarioResult {
  name: string;
  cycles: number;
  /** Used JS heap after GC: after the cycles minus before (bytes). */
  heapGrowth: number;
  /** Blink's DOM node count after GC, after minus before. */
  domNodesGrowth: number;
  /** Elements (one in ten, warm-up included) still reachable after GC, and how many were sampled. */
  retained: number;
  sampled: number;
  /** What is live now that was not before, with the source line that made it. */
  left: Record<Tally, LiveEntry[]>;
  /** How many the cycles made (and had to release): shows the probe watched something. */
  made: Record<Tally, number>;
  ms: number;
}

interface Scenario {
  name: string;
  cycles: number;
  attributes: Record<string, string>;
  /** Sign in first, so that each mount restores the stored session. */
  signedIn: boolean;
  /** Remove each element only once it shows that session. */
  untilSignedIn: boolean;
}

declare global {
  interface Window {
    __benchRefs?: WeakRef<Element>[];
  }
}

const PATH = '/mount-cycles.html';
const WARM_UP_CYCLES = 20;

/**
 * Mounts, renders and removes `cycles` elements; every tenth is held weakly. With
 * `untilSignedIn` each is removed only once it shows the session it restored, else
 * right after its first render.
 */
function cycle(page: Page, cycles: number, attributes: Record<string, string>, untilSignedIn: boolean): Promise<void> {
  return page.evaluate(
    async ({ cycles, attributes, untilSignedIn }) => {
      const refs = (window.__benchRefs ??= []);
      for (let index = 0; index < cycles; index += 1) {
        const element = document.createElement('jwt-login');
        for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
        document.body.append(element);
        await element.updateComplete;
        if (untilSignedIn) {
          // Polled on the probe's uncounted timer; a closure waiting on a timeout would keep the element alive.
          const deadline = performance.now() + 5000;
          while (!element.session && performance.now() < deadline) await window.__benchProbe!.sleep(1);
          if (!element.session) throw new Error(`cycle ${index + 1}: the stored session was not restored`);
          await element.updateComplete;
        }
        element.remove();
        if (index % 10 === 0) refs.push(new WeakRef(element));
      }
    },
    { cycles, attributes, untilSignedIn },
  );
}

async function settle(page: Page, cdp: CDPSession): Promise<{ heap: number; nodes: number }> {
  // Whatever the removal set off (aborts, a last update, a lock handed back) runs first.
  await page.evaluate(() => window.__benchProbe!.sleep(300));
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  return { heap: usedSize, nodes };
}

/** Signs in once through the form, so that each mount afterwards restores the stored session. */
async function signIn(tab: Page, attributes: Record<string, string>): Promise<void> {
  await tab.evaluate((attributes) => {
    const element = document.createElement('jwt-login');
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.id = 'sign-in';
    document.body.append(element);
  }, attributes);
  const login = tab.locator('#sign-in');
  await login.locator('input[name="email"]').fill(DEMO_CREDENTIALS.wunder.email);
  await login.locator('input[name="password"]').fill(DEMO_CREDENTIALS.wunder.password);
  await login.locator('[part="submit"]').click();
  await login.locator('[part="session"]').waitFor();
  await tab.evaluate(() => document.getElementById('sign-in')!.remove());
}

async function runScenario(
  browser: Browser,
  server: PageServer,
  scenario: Scenario,
  locate: (stack: string) => string,
): Promise<ScenarioResult> {
  const started = performance.now();
  const context = await browser.newContext();
  try {
    await context.addInitScript(initScript(installResourceProbe));
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(server.origin + PATH);
    await tab.waitForFunction(() => customElements.get('jwt-login'));
    const cdp = await context.newCDPSession(tab);
    // What is live before any element: whatever is live after the cycles beyond it was left by an element
    // (a resource leaked by the warm-up's first element counts too).
    const baseline = await tab.evaluate(() => window.__benchProbe!.snapshot());
    if (scenario.signedIn) await signIn(tab, scenario.attributes);

    // The heap's baseline comes after a warm-up: compiled code and Lit's template caches are made once.
    await cycle(tab, WARM_UP_CYCLES, scenario.attributes, scenario.untilSignedIn);
    const before = await settle(tab, cdp);

    await cycle(tab, scenario.cycles, scenario.attributes, scenario.untilSignedIn);
    const after = await settle(tab, cdp);
    const now = await tab.evaluate(() => window.__benchProbe!.snapshot());
    const retained = await tab.evaluate(() => window.__benchRefs!.filter((ref) => ref.deref()).length);
    const sampled = await tab.evaluate(() => window.__benchRefs!.length);
    if (errors.length > 0) throw new Error(`${scenario.name}: ${errors.join('; ')}`);

    const located = (entries: LiveEntry[]) => entries.map((entry) => ({ kind: entry.kind, stack: locate(entry.stack) }));
    const left = (key: Tally) => located(leftOver(baseline[key], now[key]));
    const made = (key: Tally) => now.made[key] - baseline.made[key];
    const pending = (snapshot: ProbeSnapshot): LiveEntry[] =>
      snapshot.pendingLocks.map((name) => ({ kind: `Web Lock ${name} (waited for)`, stack: '' }));
    return {
      name: scenario.name,
      cycles: scenario.cycles,
      heapGrowth: after.heap - before.heap,
      domNodesGrowth: after.nodes - before.nodes,
      retained,
      sampled,
      left: {
        timers: left('timers'),
        listeners: left('listeners'),
        channels: left('channels'),
        observers: left('observers'),
        locks: [...left('locks'), ...leftOver(pending(baseline), pending(now))],
      },
      made: {
        timers: made('timers'),
        listeners: made('listeners'),
        channels: made('channels'),
        observers: made('observers'),
        locks: made('locks'),
      },
      ms: performance.now() - started,
    };
  } finally {
    await context.close();
  }
}

export async function measureMountCycles(
  browser: Browser,
  server: PageServer,
  auth: AuthServer,
  cycles: number,
  locate: (stack: string) => string,
): Promise<ScenarioResult[]> {
  server.setPage(PATH, page('', `<script type="module" src="${assetPath('jwt-login')}"></script>`));
  const base = { 'base-url': auth.baseUrls.wunder, tenant: DEMO_CREDENTIALS.wunder.tenants.signed };
  const fewer = Math.max(50, Math.round(cycles / 5));
  const session = { ...base, persist: 'session' };
  const local = { ...base, persist: 'local' };
  const scenarios: Scenario[] = [
    { name: 'signed out', cycles, attributes: base, signedIn: false, untilSignedIn: false },
    { name: 'signed in, persist=session', cycles: fewer, attributes: session, signedIn: true, untilSignedIn: true },
    { name: 'signed in, persist=local', cycles: fewer, attributes: local, signedIn: true, untilSignedIn: true },
    // Removed while still joining the other tabs (Web Lock requested, channel open, nothing restored yet).
    { name: 'persist=local, removed at once', cycles: fewer, attributes: local, signedIn: true, untilSignedIn: false },
  ];
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) results.push(await runScenario(browser, server, scenario, locate));
  return results;
}
