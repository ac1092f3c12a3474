/**
 * Other processes' share of the machine while the bench runs. The load average counts
 * every runnable process, the bench's own Chromium included, so it cannot say whether
 * someone else was busy. Instead, once a second: the machine's busy CPU time
 * (/proc/stat) less that of the bench's own process tree (this Node process and all its
 * descendants: Chromium's browser, renderer, GPU and utility processes; /proc/<pid>/stat).
 * A descendant that ends between two samples takes its last second with it, which is
 * counted as someone else's: the figure errs on the side of "busy". Linux only; elsewhere
 * `undefined`.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface MachineLoad {
  /** Average CPU cores busy with processes other than the bench over the run. */
  othersCores: number;
  /** The busiest second's. */
  othersPeakCores: number;
  /** Average cores busy with the bench itself (Node and its Chromium). */
  benchCores: number;
  seconds: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Busy and total jiffies of the whole machine. */
function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest is already in user)
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

/** utime + stime of each process in the tree under `root`, by pid. */
function treeTicks(root: number): Map<number, number> {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: fields after the last ')'.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(rest[1]));
      ticks.set(Number(name), Number(rest[11]) + Number(rest[12]));
    } catch {
      // ended meanwhile
    }
  }
  const inTree = new Map<number, number>();
  const isInTree = (pid: number): boolean => {
    for (let at: number | undefined = pid, depth = 0; at !== undefined && at > 0 && depth < 64; depth += 1) {
      if (at === root) return true;
      at = parents.get(at);
    }
    return false;
  };
  for (const [pid, value] of ticks) if (isInTree(pid)) inTree.set(pid, value);
  return inTree;
}

export interface LoadSampler {
  stop(): MachineLoad | undefined;
}

export function sampleMachineLoad(intervalMs = 1000): LoadSampler {
  if (process.platform !== 'linux') return { stop: () => undefined };
  let previousMachine = machineTicks();
  let previousTree = treeTicks(process.pid);
  let others = 0;
  let bench = 0;
  let peak = 0;
  let elapsed = 0;
  const sample = () => {
    const machine = machineTicks();
    const tree = treeTicks(process.pid);
    let benchDelta = 0;
    for (const [pid, value] of tree) benchDelta += value - (previousTree.get(pid) ?? 0);
    const busyDelta = machine.busy - previousMachine.busy;
    const seconds = (machine.total - previousMachine.total) / TICKS_PER_SECOND;
    // Jiffies of all cores: seconds of the machine = wall seconds × cores.
    const wall = seconds / Math.max(1, coreCount());
    const othersDelta = Math.max(0, busyDelta - benchDelta);
    others += othersDelta;
    bench += benchDelta;
    elapsed += wall;
    if (wall > 0) peak = Math.max(peak, othersDelta / TICKS_PER_SECOND / wall);
    previousMachine = machine;
    previousTree = tree;
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      if (elapsed === 0) return undefined;
      return {
        othersCores: others / TICKS_PER_SECOND / elapsed,
        othersPeakCores: peak,
        benchCores: bench / TICKS_PER_SECOND / elapsed,
        seconds: elapsed,
      };
    },
  };
}

function coreCount(): number {
  const line = readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .filter((entry) => /^cpu\d+ /.test(entry));
  return line.length;
}
