/**
 * Wake-ups of an idle signed-in tab: how often the page's timers and animation frames
 * fire in a minute while the token has far more than a minute left (wunder's access
 * token: 5 h). The split build, signed in with the demo's password, then one minute of
 * Playwright's fake clock (`clock.install()` before the page loads, `clock.runFor(60 000)`):
 * it fires every setTimeout, setInterval and requestAnimationFrame callback due in that
 * minute, in order, without waiting a real minute.
 *
 * An init script counts the callbacks: it wraps setTimeout, setInterval and
 * requestAnimationFrame, and keeps wrapping them when the clock replaces them (an
 * accessor on window), so whichever of the two scripts runs first, the fake timers are
 * the counted ones. A control checks the counting: after the measured minute, a
 * per-second setTimeout chain (what the countdown did before it woke only when its text
 * changed) run for another fake minute must count about 60.
 */
import type { Browser } from 'playwright';
import type { AuthServer } from '../../demo/server/index.js';
import { DEMO_CREDENTIALS } from '../../demo/server/index.js';
import { SPLIT_ENTRY } from './delivery.js';
import { initScript } from './page-script.js';
import { elementHtml, page, type PageServer } from './serve.js';

export interface WakeUpCounts {
  timeouts: number;
  intervals: number;
  frames: number;
}

export interface WakeUpResult {
  /** Callbacks fired in the fake minute, signed in and idle. */
  perMinute: number;
  byKind: WakeUpCounts;
  /** The countdown's text at the start and at the end of the minute. */
  countdown: { before: string; after: string };
  /** Callbacks counted in a further minute with a per-second setTimeout chain added (expect ≈ 60 + the widget's). */
  control: number;
}

declare global {
  interface Window {
    __benchWakeUps?: WakeUpCounts;
  }
}

/** Runs before any page script (see the module comment). */
function countWakeUps(): void {
  const counts: WakeUpCounts = { timeouts: 0, intervals: 0, frames: 0 };
  window.__benchWakeUps = counts;
  const methods = { setTimeout: 'timeouts', setInterval: 'intervals', requestAnimationFrame: 'frames' } as const;
  for (const [name, kind] of Object.entries(methods)) {
    type Scheduler = (callback: unknown, ...rest: unknown[]) => unknown;
    const wrap =
      (impl: Scheduler): Scheduler =>
      (callback, ...rest) => {
        if (typeof callback !== 'function') return impl.call(window, callback, ...rest);
        return impl.call(
          window,
          function (this: unknown, ...args: unknown[]) {
            counts[kind] += 1;
            return (callback as (...values: unknown[]) => unknown).apply(this, args);
          },
          ...rest,
        );
      };
    let exposed = wrap((window as unknown as Record<string, Scheduler>)[name]!);
    Object.defineProperty(window, name, {
      configurable: true,
      get: () => exposed,
      set: (value: Scheduler) => {
        exposed = wrap(value);
      },
    });
  }
}

const PATH = '/wake-ups.html';
const total = (counts: WakeUpCounts) => counts.timeouts + counts.intervals + counts.frames;

export async function measureWakeUps(browser: Browser, server: PageServer, auth: AuthServer): Promise<WakeUpResult> {
  const attributes = { 'base-url': auth.baseUrls.wunder, tenant: DEMO_CREDENTIALS.wunder.tenants.signed, methods: 'password' };
  server.setPage(PATH, page(elementHtml('jwt-login', attributes), `<script type="module" src="${SPLIT_ENTRY}"></script>`));
  const context = await browser.newContext();
  try {
    await context.addInitScript(initScript(countWakeUps));
    await context.clock.install();
    const tab = await context.newPage();
    await tab.goto(server.origin + PATH);
    const login = tab.locator('jwt-login');
    await login.locator('input[name="email"]').fill(DEMO_CREDENTIALS.wunder.email);
    await login.locator('input[name="password"]').fill(DEMO_CREDENTIALS.wunder.password);
    await login.locator('[part~="submit"]').click();
    // Anything the sign-in waits on with a timer needs the fake clock moved.
    const session = login.locator('[part~="session"]');
    for (let step = 0; !(await session.isVisible()); step += 1) {
      if (step > 150) throw new Error('wake-ups: not signed in after 15 s of fake time');
      await tab.clock.runFor(100);
    }
    const countdownText = () => login.locator('[part~="session-countdown"]').textContent({ timeout: 5_000 });
    // Let what signing in set going (focus moves, a first redraw) pass before counting.
    await tab.clock.runFor(1_000);
    const before = ((await countdownText()) ?? '').trim();
    const reset = () =>
      tab.evaluate(() => {
        const counts = window.__benchWakeUps!;
        const taken = { ...counts };
        counts.timeouts = counts.intervals = counts.frames = 0;
        return taken;
      });
    await reset();
    await tab.clock.runFor(60_000);
    const byKind = await reset();
    const after = ((await countdownText()) ?? '').trim();

    // As text: tsx would wrap a named function in a `__name` helper the page does not have.
    await tab.evaluate(`{
      let left = 60;
      const tick = () => {
        left -= 1;
        if (left > 0) setTimeout(tick, 1000);
      };
      setTimeout(tick, 1000);
    }`);
    await tab.clock.runFor(60_000);
    const control = total(await reset());
    return { perMinute: total(byKind), byKind, countdown: { before, after }, control };
  } finally {
    await context.close();
  }
}
