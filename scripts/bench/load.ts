/**
 * Module load to first rendered form, in Chromium, fresh context per load (no HTTP or
 * code cache), the variants interleaved round by round (rotating who goes first) so
 * that drift and other processes' load fall on all of them alike.
 *
 * Each page holds the element in its HTML and one inline module that marks the time,
 * imports the bundle, then polls (MessageChannel, not rAF: a rAF poll would quantize to
 * 16.7 ms) until the element's form exists, holds an input and has a non-zero box —
 * `getBoundingClientRect()` forces the layout, so layout is part of the figure.
 * The figure is mark → form; navigation start → form is kept for reference.
 *
 * Wall-clock time is what the budget speaks of, and what other processes on a busy
 * machine disturb most. So each load also reports the renderer main thread's CPU time up
 * to the rendered form (CDP Performance metrics in thread ticks: the page's whole life,
 * HTML included, which is the same for every variant): slower, but hardly moved by load.
 */
import type { Browser } from 'playwright';
import { assetPath, elementHtml, gzipPath, page, type PageServer } from './serve.js';
import { median, summarize, type Summary } from './stats.js';
import { VARIANT_IDS, VARIANTS, type VariantId } from './variants.js';

export interface LoadTimes {
  /** From just before `import()` to the rendered form (ms). */
  importToForm: Summary;
  /** The part of it until `import()` resolved: fetch, compile, evaluate, define (ms). */
  importOnly: Summary;
  /** From navigation start to the rendered form (ms). */
  navigationToForm: Summary;
  /** CPU time of the page's main thread until the form was rendered (ms). */
  mainThreadCpu: Summary;
  /** Medians of the parts of it: running script, style recalculation, layout (ms). */
  cpuBreakdown: { script: number; style: number; layout: number };
}

export interface LoadResult extends Record<VariantId, LoadTimes> {
  /**
   * A cross-check less sensitive to drift: per round, the widget's time over each
   * baseline's in the same round; the median of those ratios.
   */
  pairedRatio: { 'bare-lit': number; vaadin: number };
}

/** Main-thread CPU time (ms), from CDP's Performance metrics in thread ticks. */
interface CpuTimes {
  total: number;
  script: number;
  style: number;
  layout: number;
}

interface PageTimes {
  cpu?: CpuTimes;
  started: number;
  /** When `import()` resolved: fetched, compiled, evaluated (the element defined and upgraded). */
  imported: number;
  formAt: number;
}

declare global {
  interface Window {
    __benchLoad?: PageTimes | { error: string };
  }
}

const loadPath = (id: string) => `/load/${id}.html`;

function loadScript(tag: string, src: string): string {
  return `<script type="module">
const started = performance.now();
try {
  await import(${JSON.stringify(src)});
  const imported = performance.now();
  const host = document.querySelector(${JSON.stringify(tag)});
  const rendered = () => {
    // Shadow DOM (Lit) or light DOM (vaadin-login-form renders its form for password managers).
    const form = host.shadowRoot?.querySelector('form') ?? host.querySelector('form');
    if (!form || !form.querySelector('input')) return false;
    const box = form.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const poll = new MessageChannel();
  await new Promise((resolve, reject) => {
    const check = () => {
      if (rendered()) resolve();
      else if (performance.now() - started > 10000) reject(new Error('no form rendered within 10 s'));
      else poll.port2.postMessage(0);
    };
    poll.port1.onmessage = check;
    check();
  });
  window.__benchLoad = { started, imported, formAt: performance.now() };
} catch (error) {
  window.__benchLoad = { error: String(error) };
}
</script>`;
}

/** Chromium's network emulation (CDP `Network.emulateNetworkConditions`). */
export interface NetworkConditions {
  /** Added round-trip latency, ms. */
  latency: number;
  /** Bytes per second. */
  downloadThroughput: number;
  uploadThroughput: number;
}

/** The throttled link: 150 ms, 1.6 Mbps down, 750 kbps up. */
export const THROTTLED_LINK: NetworkConditions = {
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};

async function loadOnce(browser: Browser, url: string, network?: NetworkConditions): Promise<PageTimes> {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
    }
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(url);
    const handle = await tab.waitForFunction(() => window.__benchLoad, undefined, { timeout: 15_000 });
    const { metrics } = await cdp.send('Performance.getMetrics');
    const times = (await handle.jsonValue()) as NonNullable<Window['__benchLoad']>;
    if ('error' in times) throw new Error(`${url}: ${times.error}`);
    if (errors.length > 0) throw new Error(`${url}: ${errors.join('; ')}`);
    const metric = (name: string) => (metrics.find((entry) => entry.name === name)?.value ?? Number.NaN) * 1000;
    const cpu: CpuTimes = {
      total: metric('ThreadTime'),
      script: metric('ScriptDuration'),
      style: metric('RecalcStyleDuration'),
      layout: metric('LayoutDuration'),
    };
    return { ...times, cpu };
  } finally {
    await context.close();
  }
}

export async function measureLoad(browser: Browser, server: PageServer, runs: number): Promise<LoadResult> {
  for (const id of VARIANT_IDS) {
    server.setPage(loadPath(id), page(elementHtml(VARIANTS[id].tag, VARIANTS[id].attributes), loadScript(VARIANTS[id].tag, assetPath(id))));
  }
  const samples = Object.fromEntries(VARIANT_IDS.map((id) => [id, [] as PageTimes[]])) as Record<VariantId, PageTimes[]>;
  // One unrecorded round first: the browser process and the server warm up once for all.
  for (const id of VARIANT_IDS) await loadOnce(browser, server.origin + loadPath(id));
  for (let round = 0; round < runs; round += 1) {
    const order = VARIANT_IDS.map((_, index) => VARIANT_IDS[(index + round) % VARIANT_IDS.length]!);
    for (const id of order) samples[id].push(await loadOnce(browser, server.origin + loadPath(id)));
  }
  const figure = (times: PageTimes) => times.formAt - times.started;
  const paired = (baseline: VariantId) =>
    median(samples['jwt-login'].map((times, round) => figure(times) / figure(samples[baseline][round]!)));
  const perVariant = Object.fromEntries(
    VARIANT_IDS.map((id) => [
      id,
      {
        importToForm: summarize(samples[id].map(figure)),
        importOnly: summarize(samples[id].map((times) => times.imported - times.started)),
        navigationToForm: summarize(samples[id].map((times) => times.formAt)),
        mainThreadCpu: summarize(samples[id].map((times) => times.cpu?.total ?? Number.NaN)),
        cpuBreakdown: {
          script: median(samples[id].map((times) => times.cpu?.script ?? Number.NaN)),
          style: median(samples[id].map((times) => times.cpu?.style ?? Number.NaN)),
          layout: median(samples[id].map((times) => times.cpu?.layout ?? Number.NaN)),
        },
      },
    ]),
  ) as Record<VariantId, LoadTimes>;
  return { ...perVariant, pairedRatio: { 'bare-lit': paired('bare-lit'), vaadin: paired('vaadin') } };
}

/** One element to load: its tag, attributes and the script that defines it. */
export interface LoadTarget {
  id: string;
  label: string;
  tag: string;
  attributes: Record<string, string>;
  /** Plain path of the script; on a throttled link its gzip-encoded twin (`/gz…`) is loaded. */
  src: string;
}

export interface LinkLoad {
  /** Per target, mark → form (ms). */
  importToForm: Record<string, Summary>;
  /** Per target, navigation start → form (ms). */
  navigationToForm: Record<string, Summary>;
  /** Per target, the median over rounds of its time over `baseline`'s in the same round. */
  pairedRatio: Record<string, number>;
}

export interface ConditionedLoadResult {
  baseline: string;
  labels: Record<string, string>;
  rounds: number;
  loopback: LinkLoad;
  throttled: LinkLoad & { network: NetworkConditions };
}

/**
 * Load → form of `targets` on loopback and on the throttled link, all interleaved per
 * round (the order rotating), after one unrecorded warm-up round. Scripts go over the
 * throttled link gzip-encoded (`gzip -9`), as a CDN would send them.
 */
export async function measureConditionedLoad(
  browser: Browser,
  server: PageServer,
  runs: number,
  targets: LoadTarget[],
  baseline: string,
  network: NetworkConditions = THROTTLED_LINK,
): Promise<ConditionedLoadResult> {
  const links = ['loopback', 'throttled'] as const;
  const path = (target: LoadTarget, link: (typeof links)[number]) => `/load-${link}/${target.id}.html`;
  for (const target of targets) {
    const html = elementHtml(target.tag, target.attributes);
    server.setPage(path(target, 'loopback'), page(html, loadScript(target.tag, target.src)));
    server.setPage(path(target, 'throttled'), page(html, loadScript(target.tag, gzipPath(target.src))));
  }
  const cells = links.flatMap((link) => targets.map((target) => ({ link, target })));
  const samples = new Map(cells.map(({ link, target }) => [`${link} ${target.id}`, [] as PageTimes[]]));
  const once = ({ link, target }: (typeof cells)[number]) =>
    loadOnce(browser, server.origin + path(target, link), link === 'throttled' ? network : undefined);
  for (const cell of cells) await once(cell);
  for (let round = 0; round < runs; round += 1) {
    const order = cells.map((_, index) => cells[(index + round) % cells.length]!);
    for (const cell of order) samples.get(`${cell.link} ${cell.target.id}`)!.push(await once(cell));
  }
  const figure = (times: PageTimes) => times.formAt - times.started;
  const linkLoad = (link: (typeof links)[number]): LinkLoad => {
    const of = (id: string) => samples.get(`${link} ${id}`)!;
    const per = <T>(make: (id: string) => T) => Object.fromEntries(targets.map((target) => [target.id, make(target.id)]));
    return {
      importToForm: per((id) => summarize(of(id).map(figure))),
      navigationToForm: per((id) => summarize(of(id).map((times) => times.formAt))),
      pairedRatio: per((id) => median(of(id).map((times, round) => figure(times) / figure(of(baseline)[round]!)))),
    };
  };
  return {
    baseline,
    labels: Object.fromEntries(targets.map((target) => [target.id, target.label])),
    rounds: runs,
    loopback: linkLoad('loopback'),
    throttled: { ...linkLoad('throttled'), network },
  };
}
