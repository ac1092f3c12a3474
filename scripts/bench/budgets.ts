/**
 * The budgets of the issue, and the verdict on each figure. Anything not `ok` is
 * MISSED and makes the bench exit non-zero; `info` rows have no budget.
 */
import { bytesAndKb, kB, ms, times } from './format.js';
import type { LoadResult } from './load.js';
import type { ScenarioResult } from './mount-cycles.js';
import type { MethodRequests } from './requests.js';
import type { SizeResult } from './size.js';
import type { SubmitLatencyResult } from './submit-latency.js';

export const BUDGETS = {
  /** `dist/jwt-login.bundle.js` after `gzip -9`, bytes (18 kB, kB = 1000 B). */
  gzipBytes: 18_000,
  /** Module load to first rendered form, as a multiple of the bare Lit element's. */
  loadRatio: 1.3,
  /** Submit event to the fetch call, median, ms. */
  submitMs: 2,
  /** Used JS heap after GC, after the signed-out cycles minus before, bytes (1 MB = 10⁶ B). */
  heapGrowthBytes: 1_000_000,
} as const;

export type Status = 'ok' | 'MISSED' | 'info';

export interface Row {
  figure: string;
  measured: string;
  budget: string;
  status: Status;
}

export interface Measurements {
  size: SizeResult;
  load: LoadResult;
  submit: SubmitLatencyResult;
  mounts: ScenarioResult[];
  requests: MethodRequests[];
}

const verdict = (ok: boolean): Status => (ok ? 'ok' : 'MISSED');
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export function evaluate({ size, load, submit, mounts, requests }: Measurements): Row[] {
  const widget = size.sizes['jwt-login'];
  const loadRatio = load['jwt-login'].importToForm.median / load['bare-lit'].importToForm.median;
  const signedOut = mounts[0]!;
  const left = (key: 'timers' | 'listeners' | 'channels' | 'observers' | 'locks') =>
    sum(mounts.map((scenario) => scenario.left[key].length));
  const cycles = mounts.map((scenario) => scenario.cycles).join(' + ');
  const retained = sum(mounts.map((scenario) => scenario.retained));
  const sampled = sum(mounts.map((scenario) => scenario.sampled));
  const requestCounts = requests.map((method) => method.requests).join(' / ');
  const expectedCounts = requests.map((method) => method.expected).join(' / ');
  const extraHeaders = requests.flatMap((method) => method.extraHeaders.map((header) => `${method.method}: ${header}`));
  const missingSignature = requests.flatMap((method) => method.missingSignature);

  return [
    {
      figure: `jwt-login.bundle.js, ${size.gzipTool}`,
      measured: bytesAndKb(widget.gzip),
      budget: `≤ ${kB(BUDGETS.gzipBytes)}`,
      status: verdict(widget.gzip <= BUDGETS.gzipBytes),
    },
    { figure: 'jwt-login.bundle.js, brotli (quality 11)', measured: bytesAndKb(widget.brotli), budget: '—', status: 'info' },
    {
      figure: `load → first rendered form, median of ${load['jwt-login'].importToForm.runs}`,
      measured: `${ms(load['jwt-login'].importToForm.median)} = ${times(loadRatio)} bare Lit (${ms(load['bare-lit'].importToForm.median)})`,
      budget: `≤ ${times(BUDGETS.loadRatio)} bare Lit`,
      status: verdict(loadRatio <= BUDGETS.loadRatio),
    },
    {
      figure: `submit → fetch, median of ${submit.submitToFetch.runs}`,
      measured: ms(submit.submitToFetch.median, 2),
      budget: `≤ ${ms(BUDGETS.submitMs, 0)}`,
      status: verdict(submit.submitToFetch.median <= BUDGETS.submitMs),
    },
    {
      figure: `heap growth after ${signedOut.cycles} mount/unmount cycles (GC)`,
      measured: kB(signedOut.heapGrowth),
      budget: `< ${BUDGETS.heapGrowthBytes / 1e6} MB`,
      status: verdict(signedOut.heapGrowth < BUDGETS.heapGrowthBytes),
    },
    {
      figure: `timers / listeners left after ${cycles} cycles`,
      measured: `${left('timers')} / ${left('listeners')}`,
      budget: '0 / 0',
      status: verdict(left('timers') === 0 && left('listeners') === 0),
    },
    {
      figure: 'BroadcastChannels / MutationObservers / Web Locks left',
      measured: `${left('channels')} / ${left('observers')} / ${left('locks')}`,
      budget: '0 / 0 / 0',
      status: verdict(left('channels') === 0 && left('observers') === 0 && left('locks') === 0),
    },
    {
      figure: 'removed elements still reachable after GC',
      measured: `${retained} of ${sampled} sampled`,
      budget: '0',
      status: verdict(retained === 0),
    },
    {
      figure: `requests per login: ${requests.map((method) => method.method).join(' / ')}`,
      measured: requestCounts,
      budget: expectedCounts,
      status: verdict(requestCounts === expectedCounts),
    },
    {
      figure: 'request headers no preset or page configured',
      measured: extraHeaders.length === 0 ? 'none' : extraHeaders.join(', '),
      budget: 'none',
      status: verdict(extraHeaders.length === 0),
    },
    {
      figure: 'signed OTP requests carrying X-Timestamp, X-Nonce, X-Signature',
      measured: missingSignature.length === 0 ? 'all' : `missing on ${missingSignature.join(', ')}`,
      budget: 'all',
      status: verdict(missingSignature.length === 0),
    },
  ];
}
