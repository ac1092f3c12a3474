/**
 * The bench's report: the same sections printed to the terminal and written to
 * .bench/results.md (with the machine it ran on), and every figure to .bench/results.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Measurements, Row } from './budgets.js';
import { bytesAndKb, kB, ms, percent, times } from './format.js';
import type { MachineLoad } from './machine-load.js';
import { markdownTable, textTable, type Cell } from './table.js';
import { VARIANT_IDS, VARIANTS } from './variants.js';

export interface BenchMeta {
  date: string;
  command: string;
  machine: { os: string; cpu: string; cores: number; ramGb: number; node: string; chromium: string };
  /** 1-minute load average when the bench started and ended (the bench's own Node and Chromium included). */
  loadAverage: { start: number; end: number };
  /** CPU used by processes other than the bench and its Chromium over the run (machine-load.ts); undefined off Linux. */
  otherProcesses?: MachineLoad;
  /** Where the measured bundle came from. */
  bundle: string;
  durationMs: number;
}

export interface BenchResults extends Measurements {
  meta: BenchMeta;
  rows: Row[];
  ok: boolean;
}

const RUN = 'Run';

interface Section {
  title: string;
  headers?: Cell[];
  rows?: Cell[][];
  align?: ('left' | 'right')[];
  notes?: string[];
}

function sections(results: BenchResults): Section[] {
  const { size, load, submit, mounts, requests, delivery, conditionedLoad, wakeUps } = results;
  const conditionedIds = Object.keys(conditionedLoad.labels);
  const fileList = (files: { path: string; gzip: number }[]) =>
    files.map((file) => `${file.path.replace(/^\/cdn\//, '')} ${file.gzip.toLocaleString('en-US')} B`).join(', ') || 'none';
  const widget = size.sizes['jwt-login'];
  const widgetLoad = load['jwt-login'].importToForm.median;
  const ratios = (id: 'bare-lit' | 'vaadin') =>
    `${VARIANTS[id].label}: gzip ${times(widget.gzip / size.sizes[id].gzip)}, brotli ${times(widget.brotli / size.sizes[id].brotli)}, ` +
    `load ${times(widgetLoad / load[id].importToForm.median)} (median of per-round ratios ${times(load.pairedRatio[id])}; ` +
    `main-thread CPU ${times(load['jwt-login'].mainThreadCpu.median / load[id].mainThreadCpu.median)})`;
  const leaks = mounts.flatMap((scenario) =>
    (['timers', 'listeners', 'channels', 'observers', 'locks'] as const).flatMap((key) =>
      scenario.left[key].map((entry) => `${scenario.name}: ${entry.kind} left${entry.stack ? `, made at ${entry.stack}` : ''}`),
    ),
  );
  const missing = size.contents.missingBridges;

  return [
    {
      title: 'Budgets',
      headers: ['figure', 'measured', 'budget', 'verdict'],
      rows: results.rows.map((row) => [row.figure, row.measured, row.budget, row.status]),
    },
    {
      title: 'Compared in the same run (bundled alike: vite lib mode, one ES file, oxc + rolldown minify)',
      headers: ['element', 'minified', size.gzipTool, 'brotli', 'load → form (median)', 'p25–p75', 'until import() resolved', 'from navigation start', 'main-thread CPU'],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
      rows: VARIANT_IDS.map((id) => [
        VARIANTS[id].label,
        kB(size.sizes[id].minified),
        kB(size.sizes[id].gzip),
        kB(size.sizes[id].brotli),
        ms(load[id].importToForm.median),
        `${load[id].importToForm.p25.toFixed(0)}–${load[id].importToForm.p75.toFixed(0)}`,
        ms(load[id].importOnly.median),
        ms(load[id].navigationToForm.median),
        ms(load[id].mainThreadCpu.median),
      ]),
      notes: [
        `load → form: from a mark just before import() of the bundle to its form laid out, ${load['jwt-login'].importToForm.runs} fresh pages each, interleaved`,
        'main-thread CPU: the renderer main thread’s CPU time for the page’s whole life up to then, hardly moved by other processes; ' +
          `of it script / style / layout: ${VARIANT_IDS.map((id) => {
            const { script, style, layout } = load[id].cpuBreakdown;
            return `${VARIANTS[id].label} ${script.toFixed(1)} / ${style.toFixed(1)} / ${layout.toFixed(1)} ms`;
          }).join(', ')}`,
        `<jwt-login> against ${ratios('bare-lit')}`,
        `<jwt-login> against ${ratios('vaadin')}`,
      ],
    },
    {
      title: 'Load → first form on loopback and on a throttled link (150 ms latency, 1.6 Mbps down, 750 kbps up; scripts sent gzip -9)',
      headers: ['element', 'loopback (median)', 'p25–p75', '÷ bare Lit per round', 'throttled (median)', 'p25–p75', '÷ bare Lit per round', 'throttled, from navigation start'],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
      rows: conditionedIds.map((id) => [
        conditionedLoad.labels[id]!,
        ms(conditionedLoad.loopback.importToForm[id]!.median),
        `${conditionedLoad.loopback.importToForm[id]!.p25.toFixed(0)}–${conditionedLoad.loopback.importToForm[id]!.p75.toFixed(0)}`,
        times(conditionedLoad.loopback.pairedRatio[id]!),
        ms(conditionedLoad.throttled.importToForm[id]!.median),
        `${conditionedLoad.throttled.importToForm[id]!.p25.toFixed(0)}–${conditionedLoad.throttled.importToForm[id]!.p75.toFixed(0)}`,
        times(conditionedLoad.throttled.pairedRatio[id]!),
        ms(conditionedLoad.throttled.navigationToForm[id]!.median),
      ]),
      notes: [
        `${conditionedLoad.rounds} rounds, the ${conditionedIds.length * 2} loads of a round interleaved (order rotating); a fresh context per load; ` +
          'the verdict is the median over rounds of the split build’s time over bare Lit’s in the same round',
      ],
    },
    {
      title: 'Split build (dist/cdn/): scripts the browser requested, gzip -9 each',
      headers: ['page', 'gzip -9', 'files'],
      align: ['left', 'right', 'left'],
      rows: [
        ['English, until the password form renders', bytesAndKb(delivery.firstForm.gzip), fileList(delivery.firstForm.files)],
        ['English, until quiet', bytesAndKb(delivery.englishSettled.gzip), fileList(delivery.englishSettled.files)],
        ['English, load to the signed-in view', bytesAndKb(delivery.signedIn.gzip), fileList(delivery.signedIn.files)],
        ...delivery.locales.map((locale) => [
          `lang=${locale.locale}, beyond English (submit reads “${locale.submitText}”)`,
          bytesAndKb(locale.gzip),
          fileList(locale.files),
        ]),
      ],
      notes: [`English submit reads “${delivery.englishSubmitText}”; a locale counts as translated when its reads otherwise`],
    },
    {
      title: 'Wake-ups of an idle signed-in tab (split build; Playwright fake clock, one minute)',
      notes: [
        `${wakeUps.perMinute} callbacks in the minute: ${wakeUps.byKind.timeouts} setTimeout, ${wakeUps.byKind.intervals} setInterval, ${wakeUps.byKind.frames} requestAnimationFrame`,
        `countdown “${wakeUps.countdown.before}” at the start, “${wakeUps.countdown.after}” at the end`,
        `control: a per-second setTimeout chain added for a further minute counted ${wakeUps.control} (expect about 60 plus the widget’s)`,
      ],
    },
    {
      title: 'Where the first form’s bytes go (split build’s entry; the gzip -9 each source adds, and its minified bytes)',
      headers: ['source', 'gzip added', 'minified'],
      align: ['left', 'right', 'right'],
      rows: size.entrySources.slice(0, 15).map((entry) => [entry.source, entry.gzipAdded.toLocaleString('en-US'), entry.bytes.toLocaleString('en-US')]),
      notes: [
        `${size.entrySources.length} sources; the rest add ${size.entrySources
          .slice(15)
          .reduce((total, entry) => total + entry.gzipAdded, 0)
          .toLocaleString('en-US')} B together. “gzip added”: the entry compressed, less the entry compressed without the source; sources compress against each other, so the column sums to more than the file`,
      ],
    },
    {
      title: 'Where the bundle’s bytes go (minified bytes per source, from its source map)',
      headers: ['source', 'bytes', 'share'],
      align: ['left', 'right', 'right'],
      rows: size.modules.map((module) => [module.source, module.bytes.toLocaleString('en-US'), percent(module.share)]),
      notes: [
        `by package: ${size.packages.map((entry) => `${entry.source} ${percent(entry.share)}`).join(', ')}`,
        `locales inlined: en (source), ${size.contents.locales.join(', ') || 'none'}; explorer bridges exported: ` +
          (missing.length === 0 ? 'all four' : `${4 - missing.length} of 4 (missing ${missing.join(', ')})`),
      ],
    },
    {
      title: 'Submit → fetch (password login, wunder, against the stand-in)',
      notes: [
        `median ${ms(submit.submitToFetch.median, 2)}, p25–p75 ${submit.submitToFetch.p25.toFixed(2)}–${submit.submitToFetch.p75.toFixed(2)} ms, ` +
          `max ${ms(submit.submitToFetch.max, 2)}, first login ${ms(submit.first, 2)} (cold JIT)`,
      ],
    },
    {
      title: 'Mount/unmount cycles',
      headers: ['situation', 'cycles', 'heap growth', 'DOM nodes', 'made (warm-up incl.): timers / listeners / channels / observers / locks', 'left', 'reachable'],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
      rows: mounts.map((scenario) => [
        scenario.name,
        String(scenario.cycles),
        kB(scenario.heapGrowth),
        String(scenario.domNodesGrowth),
        `${scenario.made.timers} / ${scenario.made.listeners} / ${scenario.made.channels} / ${scenario.made.observers} / ${scenario.made.locks}`,
        String(leaks.filter((leak) => leak.startsWith(`${scenario.name}:`)).length),
        `${scenario.retained} of ${scenario.sampled}`,
      ]),
      notes: leaks.length > 0 ? leaks : ['nothing left: every timer, listener, channel, observer and lock made was released'],
    },
    {
      title: 'Requests per login (wunder, tenant acme, signing-key and branch-id set as in the demo)',
      headers: ['method', 'requests', 'preflights', 'calls', 'unaccounted headers'],
      align: ['left', 'right', 'right', 'left', 'left'],
      rows: requests.map((method) => [
        method.method,
        `${method.requests} (${method.expected})`,
        String(method.preflights),
        method.calls.join('; '),
        method.extraHeaders.join(', ') || 'none',
      ]),
    },
    {
      title: RUN,
      notes: [
        `${results.meta.date}, ${results.meta.command}, ${(results.meta.durationMs / 1000).toFixed(0)} s`,
        `bundle: ${results.meta.bundle}`,
        `${results.meta.machine.cpu} × ${results.meta.machine.cores}, ${results.meta.machine.ramGb} GB, ${results.meta.machine.os}, ` +
          `Node ${results.meta.machine.node}, Chromium ${results.meta.machine.chromium}`,
        noiseNote(results.meta),
      ],
    },
  ];
}

/**
 * Other processes' share of the machine: their CPU time over the run, the bench's own Node
 * and Chromium left out (machine-load.ts); the load average, which counts the bench too,
 * only where that is unavailable.
 */
function noiseNote(meta: BenchMeta): string {
  const { start, end } = meta.loadAverage;
  const cores = meta.machine.cores;
  const judge = (busy: number) =>
    busy > cores / 2
      ? 'the machine was oversubscribed by other processes: timings are noisy, compare ratios rather than milliseconds, re-run when idle'
      : busy > cores / 4
        ? 'other processes were busy: timings somewhat noisy'
        : 'the machine was quiet';
  const loadAverage = `load average ${start.toFixed(2)} at the start, ${end.toFixed(2)} at the end on ${cores} cores (the bench’s own Chromium included)`;
  const others = meta.otherProcesses;
  if (!others) return `${loadAverage}: ${judge(Math.max(start, end) / 2)}`;
  return (
    `other processes (the bench’s Node and Chromium left out): ${others.othersCores.toFixed(2)} cores busy on average over ${others.seconds.toFixed(0)} s, ` +
    `${others.othersPeakCores.toFixed(2)} in the busiest second, on ${cores} cores: ${judge(others.othersCores)}; ` +
    `the bench itself ${others.benchCores.toFixed(2)} cores; ${loadAverage}`
  );
}

export function renderText(results: BenchResults): string {
  return sections(results)
    .map((section) =>
      [
        section.title,
        ...(section.headers ? [textTable(section.headers, section.rows ?? [], section.align)] : []),
        ...(section.notes ?? []).map((note) => `  ${note}`),
      ].join('\n'),
    )
    .join('\n\n');
}

/** Angle brackets as entities: `<jwt-login>` would be an (invisible) HTML tag. */
const markdownText = (text: string) => text.replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function renderMarkdown(results: BenchResults): string {
  const all = sections(results);
  // The run (date, machine, command) first: a reader compares runs by it.
  const ordered = [...all.filter((section) => section.title === RUN), ...all.filter((section) => section.title !== RUN)];
  const body = ordered
    .map((section) =>
      [
        `## ${markdownText(section.title)}`,
        ...(section.headers
          ? [markdownTable(section.headers.map(markdownText), (section.rows ?? []).map((row) => row.map(markdownText)), section.align)]
          : []),
        ...(section.notes?.length ? [section.notes.map((note) => `- ${markdownText(note)}`).join('\n')] : []),
      ].join('\n\n'),
    )
    .join('\n\n');
  return `# jwt-login bench: ${results.ok ? 'every budget met' : 'budget MISSED'}\n\n${body}\n`;
}

export function writeReport(dir: string, results: BenchResults): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'results.md'), renderMarkdown(results));
}
