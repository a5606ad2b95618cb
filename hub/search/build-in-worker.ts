/**
 * Builds a serialized index in a worker thread. Compiled (dist/…/build-worker.js) the
 * worker file runs as is. Run from TypeScript sources (tsx, vitest), Node 20 does not apply
 * `--import tsx` given in a Worker's execArgv (nodejs/node#47747, privatenumber/tsx#354),
 * so the worker starts from a two-line eval script that registers tsx, then imports the
 * .ts entry.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { IndexableItem, PartnerMap } from './types.js';

export interface BuildInWorkerOptions {
  /** Kills the worker after this long. Default: 10 minutes. */
  timeoutMs?: number;
  /** V8 heap limits of the worker. Default: Node's. */
  resourceLimits?: ResourceLimits;
}

function resolveTsxApi(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return 'tsx/esm/api'; // resolved from the working directory, the project root in practice
  }
}

function spawnWorker(workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts'))
    return new Worker(new URL('./build-worker.js', self), {
      workerData,
      ...(resourceLimits ? { resourceLimits } : {}),
    });
  const entry = new URL('./build-worker.ts', self).href;
  const code = `import(${JSON.stringify(resolveTsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData, ...(resourceLimits ? { resourceLimits } : {}) });
}

/** Builds and serializes an index in a worker thread; resolves to the serialized index. */
export function buildInWorker(
  items: readonly IndexableItem[],
  partners: PartnerMap,
  options: BuildInWorkerOptions = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = spawnWorker({ items, partners }, options.resourceLimits);
    let settled = false;
    const finish = (error: Error | null, result?: Buffer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (error) reject(error);
      else resolve(result!);
    };
    const timer = setTimeout(() => finish(new Error('search: index build timed out')), options.timeoutMs ?? 600_000);
    worker.once('message', (data: ArrayBuffer) => finish(null, Buffer.from(data)));
    worker.once('error', (err) => finish(new Error(`search: index build failed: ${err.message}`)));
    worker.once('exit', (code) => finish(new Error(`search: index build worker exited with code ${code}`)));
  });
}
