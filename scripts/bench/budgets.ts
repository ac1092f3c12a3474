/**
 * The budgets of the issue, and the verdict on each figure. Anything not `ok` is
 * MISSED and makes the bench exit non-zero; `info` rows have no budget.
 */
import { bytesAndKb, kB, ms, times } from './format.js';
import type { DeliveryResult } from './delivery.js';
import type { ConditionedLoadResult, LoadResult } from './load.js';
import type { ScenarioResult } from './mount-cycles.js';
import type { MethodRequests } from './requests.js';
import type { SizeResult } from './size.js';
import type { SubmitLatencyResult } from './submit-latency.js';
import type { WakeUpResult } from './wake-ups.js';

export const BUDGETS = {
  /** The single file with every feature, `dist/jwt-login.bundle.js` after `gzip -9`, bytes (30.4 kB, kB = 1000 B). */
  gzipBytes: 30_400,
  /** Split build: the scripts a page requests until the first (password) form is rendered, `gzip -9` each, summed. */
  firstFormBytes: 15_000,
  /** Split build: every script requested from load to the signed-in view. */
  signedInBytes: 24_000,
  /** Split build: the scripts a page in another language requests beyond the English page's, per locale. */
  localeBytes: 1_500,
  /** Module load to first rendered form, as a multiple of the bare Lit element's (median of per-round ratios). */
  loadRatio: 1.3,
  /** The same on a throttled link (150 ms, 1.6 Mbps), split build over bare Lit, median of per-round ratios. */
  throttledLoadRatio: 1.25,
  /** Timer and animation-frame callbacks per minute of an idle signed-in tab. */
  wakeUpsPerMinute: 2,
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
  delivery: DeliveryResult;
  conditionedLoad: ConditionedLoadResult;
  wakeUps: WakeUpResult;
}

/** Ids of the three elements of the throttled-link comparison. */
export const SPLIT_ID = 'split';

const verdict = (ok: boolean): Status => (ok ? 'ok' : 'MISSED');
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export function evaluate({ size, load, submit, mounts, requests, delivery, conditionedLoad, wakeUps }: Measurements): Row[] {
  const widget = size.sizes['jwt-login'];
  const loadRatio = load['jwt-login'].importToForm.median / load['bare-lit'].importToForm.median;
  const loadPaired = load.pairedRatio['bare-lit'];
  const throttled = conditionedLoad.throttled;
  const throttledRatio = throttled.pairedRatio[SPLIT_ID]!;
  const bareThrottled = throttled.importToForm[conditionedLoad.baseline]!.median;
  const files = (count: number) => `${count} file${count === 1 ? '' : 's'}`;
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
      figure: `split build, first form (scripts requested until the password form renders), ${size.gzipTool}`,
      measured: `${bytesAndKb(delivery.firstForm.gzip)}, ${files(delivery.firstForm.files.length)}`,
      budget: `≤ ${kB(BUDGETS.firstFormBytes)}`,
      status: verdict(delivery.firstForm.gzip <= BUDGETS.firstFormBytes),
    },
    {
      figure: `split build, full sign-in (every script from load to the signed-in view), ${size.gzipTool}`,
      measured: `${bytesAndKb(delivery.signedIn.gzip)}, ${files(delivery.signedIn.files.length)}`,
      budget: `≤ ${kB(BUDGETS.signedInBytes)}`,
      status: verdict(delivery.signedIn.gzip <= BUDGETS.signedInBytes),
    },
    ...delivery.locales.map((locale) => ({
      figure: `split build, lang=${locale.locale} beyond English, ${size.gzipTool}`,
      measured:
        `${bytesAndKb(locale.gzip)}, ${files(locale.files.length)}` + (locale.translated ? '' : ' (form NOT translated)'),
      budget: `≤ ${kB(BUDGETS.localeBytes)}`,
      status: verdict(locale.translated && locale.gzip <= BUDGETS.localeBytes),
    })),
    {
      figure: `single file, all features: jwt-login.bundle.js, ${size.gzipTool}`,
      measured: bytesAndKb(widget.gzip),
      budget: `≤ ${kB(BUDGETS.gzipBytes)}`,
      status: verdict(widget.gzip <= BUDGETS.gzipBytes),
    },
    { figure: 'jwt-login.bundle.js, brotli (quality 11)', measured: bytesAndKb(widget.brotli), budget: '—', status: 'info' },
    {
      figure: `load → first rendered form, loopback, single file, median of ${load['jwt-login'].importToForm.runs} per-round ratios`,
      measured:
        `${times(loadPaired)} bare Lit (medians ${ms(load['jwt-login'].importToForm.median)} / ` +
        `${ms(load['bare-lit'].importToForm.median)} = ${times(loadRatio)})`,
      budget: `≤ ${times(BUDGETS.loadRatio)} bare Lit`,
      status: verdict(loadPaired <= BUDGETS.loadRatio),
    },
    {
      figure: `load → first rendered form, throttled link (150 ms, 1.6 Mbps), split build, median of ${conditionedLoad.rounds} per-round ratios`,
      measured:
        `${times(throttledRatio)} bare Lit (medians ${ms(throttled.importToForm[SPLIT_ID]!.median)} / ${ms(bareThrottled)})`,
      budget: `≤ ${times(BUDGETS.throttledLoadRatio)} bare Lit`,
      status: verdict(throttledRatio <= BUDGETS.throttledLoadRatio),
    },
    {
      figure: 'load → first rendered form, throttled link, single file (for reference)',
      measured: `${times(throttled.pairedRatio['jwt-login']!)} bare Lit (median ${ms(throttled.importToForm['jwt-login']!.median)})`,
      budget: '—',
      status: 'info',
    },
    {
      figure: 'load → first rendered form, loopback, split build (for reference)',
      measured:
        `${times(conditionedLoad.loopback.pairedRatio[SPLIT_ID]!)} bare Lit (median ${ms(conditionedLoad.loopback.importToForm[SPLIT_ID]!.median)})`,
      budget: '—',
      status: 'info',
    },
    {
      figure: 'wake-ups per minute, idle signed-in tab (split build, fake clock)',
      measured:
        `${wakeUps.perMinute} (timeouts ${wakeUps.byKind.timeouts}, intervals ${wakeUps.byKind.intervals}, frames ${wakeUps.byKind.frames})` +
        (wakeUps.perMinute < 1 ? ': the countdown was not counted, the figure is wrong' : ''),
      budget: `≤ ${BUDGETS.wakeUpsPerMinute}, ≥ 1`,
      status: verdict(wakeUps.perMinute >= 1 && wakeUps.perMinute <= BUDGETS.wakeUpsPerMinute),
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
