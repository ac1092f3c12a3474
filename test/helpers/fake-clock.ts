import type { Timers } from '../../src/core/session.js';

/** Lets pending promise callbacks run (the refresh call, the events it fires). */
export async function flush(): Promise<void> {
  for (let round = 0; round < 10; round += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** A clock and timers that move only when told: fake timers for the session logic. */
export class FakeClock implements Timers {
  time: number;
  private tasks: Array<{ id: number; at: number; callback: () => void }> = [];
  private nextId = 1;
  /** The longest delay ever asked for (real timers overflow past 2^31−1 ms). */
  longestDelay = 0;
  /** How many timers have run: a timer that re-arms itself at once shows up here. */
  fired = 0;

  constructor(start = 1_700_000_000_000) {
    this.time = start;
  }

  now = (): number => this.time;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.longestDelay = Math.max(this.longestDelay, ms);
    this.tasks.push({ id, at: this.time + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.tasks = this.tasks.filter((task) => task.id !== handle);
  }

  /**
   * Moves time forward by `ms`, running every timer that comes due, in order. After
   * `maxFired` timers the rest of the time passes as a sleep (timers wait): a year of
   * 4-second tokens would otherwise take millions of steps. Resolves whether it slept.
   */
  async advance(ms: number, maxFired = Infinity): Promise<boolean> {
    const end = this.time + ms;
    await flush();
    for (let fired = 0; ; fired += 1) {
      const next = this.tasks.filter((task) => task.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      if (fired >= maxFired) {
        this.sleep(end - this.time);
        await flush();
        return true;
      }
      this.tasks = this.tasks.filter((task) => task !== next);
      this.time = Math.max(this.time, next.at);
      this.fired += 1;
      next.callback();
      await flush();
    }
    this.time = end;
    await flush();
    return false;
  }

  /** Jumps the wall clock without running timers, as a machine waking from sleep does. */
  sleep(ms: number): void {
    this.time += ms;
    for (const task of this.tasks) task.at += ms;
  }
}
