import { randomInt } from 'node:crypto';
import { secretsEqual } from './constant-time.js';

export const CODE_LIFETIME_MS = 5 * 60 * 1000;
export const RESEND_COOLDOWN_MS = 30 * 1000;
export const MAX_WRONG_ATTEMPTS = 5;

interface PendingCode {
  code: string;
  expiresAt: number;
  wrongAttempts: number;
}

export type IssueOutcome =
  | { issued: true; code: string; expiresAt: number }
  | { issued: false; retryAfterSeconds: number };

/**
 * One-time codes per recipient: six random digits, valid five minutes, spent by the
 * first correct use, voided by the fifth wrong one; a new code no sooner than 30 s
 * after the last.
 */
export class OtpCodes {
  private readonly pending = new Map<string, PendingCode>();
  private readonly lastSentAt = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  issue(recipient: string): IssueOutcome {
    const now = this.now();
    const last = this.lastSentAt.get(recipient);
    if (last !== undefined && now - last < RESEND_COOLDOWN_MS) {
      return { issued: false, retryAfterSeconds: Math.ceil((last + RESEND_COOLDOWN_MS - now) / 1000) };
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = now + CODE_LIFETIME_MS;
    this.pending.set(recipient, { code, expiresAt, wrongAttempts: 0 });
    this.lastSentAt.set(recipient, now);
    return { issued: true, code, expiresAt };
  }

  /** True once for the right, unexpired code; every other answer is false. */
  redeem(recipient: string, code: string): boolean {
    const pending = this.pending.get(recipient);
    if (!pending) return false;
    if (pending.expiresAt <= this.now()) {
      this.pending.delete(recipient);
      return false;
    }
    if (secretsEqual(code.trim(), pending.code)) {
      this.pending.delete(recipient);
      return true;
    }
    pending.wrongAttempts += 1;
    if (pending.wrongAttempts >= MAX_WRONG_ATTEMPTS) this.pending.delete(recipient);
    return false;
  }
}
