/**
 * The main-thread CPU probe (test/helpers/main-thread-cpu.ts) measures a synchronous stretch
 * by the CPU it took, whatever the machine's load: a 400 ms busy loop is ≈ 400 ms alone and
 * while two other processes spin both cores (its wall time then grows, its CPU does not),
 * and a 400 ms idle wait is ≈ 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { mainThreadCpuSupport, probeMainThreadCpu, summarizeCpu, type CpuStretch } from './main-thread-cpu.js';

const unsupported = mainThreadCpuSupport();
if (unsupported) console.warn(`main-thread-cpu.test: skipped, ${unsupported}`);

/**
 * Holds the thread for 400 ms of CPU, counted by getrusage (`process.cpuUsage()`, another
 * account of the kernel's than the probe's /proc reading): under load it takes longer in
 * wall time, the work stays the same.
 */
function busyCpu(ms: number): void {
  const start = process.cpuUsage();
  for (;;) {
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1000 >= ms) return;
  }
}

const tick = () => new Promise((r) => setTimeout(r, 30));

/** The stretches recorded around `fn` (a turn before, a few after). */
async function stretchesAround(fn: () => void | Promise<void>): Promise<CpuStretch[]> {
  const probe = probeMainThreadCpu(10);
  await tick();
  await fn();
  await tick();
  return probe.stop();
}

/** Two processes spinning: with this one, three threads want the two cores. */
let spinners: ChildProcess[] = [];
async function loadBothCores(): Promise<void> {
  spinners = [0, 1].map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  await Promise.all(spinners.map((child) => new Promise((r) => child.once('spawn', r))));
  await new Promise((r) => setTimeout(r, 300)); // their start-up done, spinning
}
afterEach(() => {
  for (const child of spinners) child.kill('SIGKILL');
  spinners = [];
});

describe.skipIf(unsupported)('main-thread CPU probe', () => {
  it('measures a 400 ms busy loop as ≈ 400 ms of CPU', async () => {
    const s = summarizeCpu(await stretchesAround(() => busyCpu(400)));
    console.info(`main-thread-cpu alone: ${s.maxCpuMs.toFixed(0)} ms CPU, wall ${s.maxWallMs.toFixed(0)} ms`);
    expect(s.maxCpuMs).toBeGreaterThan(360);
    expect(s.maxCpuMs).toBeLessThan(480);
  });

  it('measures it as ≈ 400 ms of CPU while two processes spin both cores, whatever its wall time', async () => {
    await loadBothCores();
    const s = summarizeCpu(await stretchesAround(() => busyCpu(400)));
    console.info(
      `main-thread-cpu loaded: ${s.maxCpuMs.toFixed(0)} ms CPU, wall ${s.maxWallMs.toFixed(0)} ms, waiting for a core ${s.maxWaitMs.toFixed(0)} ms`,
    );
    expect(s.maxCpuMs).toBeGreaterThan(360);
    expect(s.maxCpuMs).toBeLessThan(480);
    // The load was real: the stretch waited for a core (schedstat), so its wall time is longer.
    if (!Number.isNaN(s.maxWaitMs)) {
      expect(s.maxWaitMs).toBeGreaterThan(20);
      expect(s.maxWallMs).toBeGreaterThan(s.maxCpuMs + s.maxWaitMs * 0.5);
    }
  });

  it('measures a 400 ms idle wait as ≈ 0 CPU', async () => {
    const stretches = await stretchesAround(() => new Promise((r) => setTimeout(r, 400)));
    const s = summarizeCpu(stretches);
    const total = stretches.reduce((sum, x) => sum + x.cpuMs, 0);
    const wall = stretches.reduce((sum, x) => sum + x.wallMs, 0);
    console.info(
      `main-thread-cpu idle: ${total.toFixed(0)} ms CPU over ${wall.toFixed(0)} ms, max ${s.maxCpuMs.toFixed(1)} ms`,
    );
    expect(wall).toBeGreaterThan(400);
    expect(s.maxCpuMs).toBeLessThan(20);
    expect(total).toBeLessThan(60);
  });
});
