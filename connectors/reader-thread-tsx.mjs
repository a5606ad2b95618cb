// Entry of a reader thread when the hub runs from its TypeScript sources (tsx, vitest).
// Node 20 ignores `--import tsx` in a worker's execArgv (nodejs/node#47747), so tsx is
// registered here, as the thread starts, before the TypeScript entry is loaded. Built
// (dist/), the pool loads reader-thread.js directly and this file is not used.
import { workerData } from 'node:worker_threads';

async function load() {
  const tsx = await import('tsx/esm/api');
  tsx.register();
  return import(workerData.entry);
}

// Loading starts with the thread, not with its first task.
const entry = load();
entry.catch(() => undefined);

export default async function readSource(task) {
  return (await entry).default(task);
}
