export interface FaultSpec {
  /** Applies to requests whose path (with query) contains this text. */
  match: string;
  /** Answer with this status instead of the real handler (500 when only `body` is given). */
  status?: number;
  /** Added to the answer: the faulted one, or the real one when no status or body is given. */
  headers?: Record<string, string>;
  /** Raw body text of the faulted answer. */
  body?: string;
  /** Wait this long before answering (or before letting the real handler answer). */
  delayMs?: number;
  /** Never answer; the connection stays open until the client gives up or the server closes. */
  hang?: boolean;
  /** Cut the connection without any answer. */
  drop?: boolean;
  /** How many matching requests this fault applies to. Default 1. */
  times?: number;
}

export interface Fault extends Required<Pick<FaultSpec, 'match' | 'times'>>, Omit<FaultSpec, 'match' | 'times'> {}

/** Faults queued by tests, each spent on the next matching request(s). */
export class FaultQueue {
  private faults: Fault[] = [];

  add(spec: FaultSpec): Fault {
    const fault = validateFault(spec);
    this.faults.push(fault);
    return fault;
  }

  /** The first queued fault for `path`, counting one use of it. */
  take(path: string): Fault | undefined {
    const fault = this.faults.find((candidate) => path.includes(candidate.match));
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return { ...fault };
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }
}

/** Checks a fault that arrived as JSON; throws a TypeError naming the bad field. */
export function validateFault(spec: unknown): Fault {
  if (typeof spec !== 'object' || spec === null) throw new TypeError('fault must be an object');
  const raw = spec as Record<string, unknown>;
  if (typeof raw.match !== 'string' || raw.match === '') throw new TypeError('match must be a non-empty string');
  const fault: Fault = { match: raw.match, times: 1 };
  if (raw.status !== undefined) {
    if (!Number.isInteger(raw.status) || (raw.status as number) < 100 || (raw.status as number) > 599) {
      throw new TypeError('status must be an HTTP status code');
    }
    fault.status = raw.status as number;
  }
  if (raw.headers !== undefined) {
    const headers = raw.headers as Record<string, unknown>;
    if (typeof headers !== 'object' || headers === null || Object.values(headers).some((v) => typeof v !== 'string')) {
      throw new TypeError('headers must map names to strings');
    }
    fault.headers = headers as Record<string, string>;
  }
  if (raw.body !== undefined) {
    if (typeof raw.body !== 'string') throw new TypeError('body must be a string');
    fault.body = raw.body;
  }
  if (raw.delayMs !== undefined) {
    if (typeof raw.delayMs !== 'number' || !(raw.delayMs >= 0)) throw new TypeError('delayMs must be >= 0');
    fault.delayMs = raw.delayMs;
  }
  if (raw.times !== undefined) {
    if (!Number.isInteger(raw.times) || (raw.times as number) < 1) throw new TypeError('times must be >= 1');
    fault.times = raw.times as number;
  }
  if (raw.hang !== undefined) fault.hang = raw.hang === true;
  if (raw.drop !== undefined) fault.drop = raw.drop === true;
  return fault;
}

/** Whether the fault replaces the real answer (as opposed to only delaying or decorating it). */
export function faultAnswers(fault: Fault): boolean {
  return fault.status !== undefined || fault.body !== undefined;
}
