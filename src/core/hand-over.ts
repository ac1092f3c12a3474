import type { SessionRecord } from './refresh-schedule.js';
import type { Timers } from './session.js';

interface Waiter {
  resolve(record: SessionRecord): void;
  reject(error: unknown): void;
}

/**
 * The callers waiting for tokens another tab refreshes (the leader): each waits until
 * the next tokens arrive, the session ends, or its own time runs out.
 */
export class HandOver {
  #waiters: Waiter[] = [];

  constructor(private readonly timers: Timers) {}

  /** Waits for the next tokens; rejects with `onTimeout()` after `ms`. */
  wait(ms: number, onTimeout: () => unknown): Promise<SessionRecord> {
    return new Promise((resolve, reject) => {
      const timer = this.timers.setTimeout(() => {
        this.#waiters = this.#waiters.filter((candidate) => candidate !== waiter);
        reject(onTimeout());
      }, ms);
      const waiter: Waiter = {
        resolve: (record) => {
          this.timers.clearTimeout(timer);
          resolve(record);
        },
        reject: (error) => {
          this.timers.clearTimeout(timer);
          reject(error);
        },
      };
      this.#waiters.push(waiter);
    });
  }

  /** New tokens arrived: every waiter gets them. */
  resolve(record: SessionRecord): void {
    for (const waiter of this.#waiters.splice(0)) waiter.resolve(record);
  }

  /** The session ended or was disposed: nobody gets tokens. */
  reject(error: unknown): void {
    for (const waiter of this.#waiters.splice(0)) waiter.reject(error);
  }
}
