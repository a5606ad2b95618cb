/**
 * How long the main thread runs JavaScript (or anything else) without giving its event loop
 * a turn, measured in CPU time rather than wall time, so that a loaded machine cannot fake
 * it (issue 16: « the hub's event loop is never blocked by a source »).
 *
 * A timer fires every `intervalMs` (10 ms) on the thread that starts the probe; each time it
 * reads the thread's own CPU time from Linux's /proc. The CPU spent between two consecutive
 * turns of the timer is the length of the synchronous stretch that delayed it: the work of
 * our code (and of V8's garbage collector on this thread). Time spent waiting for a core
 * (others' processes, other threads of ours) is wall time, not CPU time: it is recorded
 * apart (`waitMs`), never in `cpuMs`. `process.cpuUsage()` is no substitute: it sums every
 * thread of the process, reader threads included; perf_hooks' loop delay and
 * `eventLoopUtilization()` are wall time, which a loaded 2-core box inflates.
 *
 * Source: /proc/thread-self's `schedstat` (nanoseconds on the CPU, nanoseconds waiting on a
 * run queue), or where the kernel has no schedstat, `stat`'s utime + stime in clock ticks
 * (10 ms each: figures then to ±10 ms). Linux only: `mainThreadCpuSupport()` says why not.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { percentile } from '../bench/lib.js';

/** The time between two consecutive turns of the probe's timer. */
export interface CpuStretch {
  /** performance.now() at the turn that ended the stretch. */
  end: number;
  /** Wall time since the previous turn. */
  wallMs: number;
  /** CPU time the thread spent in it: the synchronous work that held the event loop. */
  cpuMs: number;
  /** Time the thread was ready but waited for a core (schedstat only; else NaN). */
  waitMs: number;
}

export interface MainThreadCpuProbe {
  /** Stops the timer; every stretch, in order. */
  stop(): CpuStretch[];
  /** The stretches so far (the probe keeps running). */
  stretches(): CpuStretch[];
}

interface Reading {
  cpuNs: number;
  waitNs: number;
}

/** Undefined where the probe works, else why it cannot (for `describe.skipIf` messages). */
export function mainThreadCpuSupport(): string | undefined {
  if (process.platform !== 'linux') return `needs Linux's /proc (platform ${process.platform})`;
  if (!existsSync('/proc/thread-self/stat')) return 'no /proc/thread-self/stat';
  return undefined;
}

/** A reader of the calling thread's CPU time; resolved once (the path names its task id). */
function threadReader(): () => Reading {
  // /proc/thread-self is the calling thread; its task path stays valid from any later call.
  const task = `/proc/${readlinkSync('/proc/thread-self')}`;
  if (existsSync(`${task}/schedstat`)) {
    return () => {
      const [run = '0', wait = '0'] = readFileSync(`${task}/schedstat`, 'utf8').split(' ');
      return { cpuNs: Number(run), waitNs: Number(wait) };
    };
  }
  const tick = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return () => {
    const stat = readFileSync(`${task}/stat`, 'utf8');
    // After the command name, in parentheses that may hold spaces: field 3 onwards.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime (14) and stime (15)
    return { cpuNs: (ticks / tick) * 1e9, waitNs: Number.NaN };
  };
}

/** Starts sampling the calling thread's CPU time on every turn of a `intervalMs` timer. */
export function probeMainThreadCpu(intervalMs = 10): MainThreadCpuProbe {
  const why = mainThreadCpuSupport();
  if (why) throw new Error(`main-thread CPU probe: ${why}`);
  const read = threadReader();
  const out: CpuStretch[] = [];
  let lastAt = performance.now();
  let last = read();
  const timer = setInterval(() => {
    const at = performance.now();
    const now = read();
    out.push({
      end: at,
      wallMs: at - lastAt,
      cpuMs: (now.cpuNs - last.cpuNs) / 1e6,
      waitMs: (now.waitNs - last.waitNs) / 1e6,
    });
    lastAt = at;
    last = now;
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return out;
    },
    stretches: () => [...out],
  };
}

/** The stretches that ended within [from, to] (performance.now() times). */
export function stretchesWithin(stretches: CpuStretch[], from: number, to = Infinity): CpuStretch[] {
  return stretches.filter((s) => s.end >= from && s.end <= to);
}

/** Longest and p99 CPU stretch, and the longest's wall time and wait: the figures we report. */
export interface CpuSummary {
  count: number;
  maxCpuMs: number;
  p99CpuMs: number;
  /** Wall time and run-queue wait of the stretch with the most CPU. */
  maxWallMs: number;
  maxWaitMs: number;
  /** The longest wall stretch (what a wall-time probe would call the block). */
  maxWallAnyMs: number;
}

export function summarizeCpu(stretches: CpuStretch[]): CpuSummary {
  if (!stretches.length) return { count: 0, maxCpuMs: 0, p99CpuMs: 0, maxWallMs: 0, maxWaitMs: 0, maxWallAnyMs: 0 };
  const longest = stretches.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
  return {
    count: stretches.length,
    maxCpuMs: longest.cpuMs,
    p99CpuMs: percentile(
      stretches.map((s) => s.cpuMs),
      99,
    ),
    maxWallMs: longest.wallMs,
    maxWaitMs: longest.waitMs,
    maxWallAnyMs: Math.max(...stretches.map((s) => s.wallMs)),
  };
}

/** "max 123 ms CPU (wall 456 ms, 300 ms waiting for a core), p99 12 ms over 3456 turns". */
export function describeCpu(s: CpuSummary): string {
  const wait = Number.isNaN(s.maxWaitMs) ? '' : `, ${s.maxWaitMs.toFixed(0)} ms waiting for a core`;
  return (
    `main-thread CPU stretch max ${s.maxCpuMs.toFixed(0)} ms (its wall ${s.maxWallMs.toFixed(0)} ms${wait}), ` +
    `p99 ${s.p99CpuMs.toFixed(0)} ms over ${s.count} turns; longest wall stretch ${s.maxWallAnyMs.toFixed(0)} ms`
  );
}
