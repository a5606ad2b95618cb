/**
 * The console's script as the hub serves it: compiled by tsc next to the built hub, or —
 * running from source — stripped of its types by esbuild on first use. Served under its
 * content hash, cacheable forever.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { loadOnce, toServedFile, type ServedFile } from '../../hub/assets/index.js';

export interface ConsoleScript {
  hash: string;
  /** /console/assets/console.<hash>.js */
  href: string;
  file: ServedFile;
}

const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');

async function compile(): Promise<string> {
  if (!RUNNING_FROM_SOURCE) {
    const built = await readFile(new URL('./enhance.js', import.meta.url), 'utf8');
    return built.replace(/\n\/\/# sourceMappingURL=.*$/m, '');
  }
  const esbuild = await import('esbuild');
  const source = await readFile(new URL('./enhance.ts', import.meta.url), 'utf8');
  const { code } = await esbuild.transform(source, { loader: 'ts', format: 'esm', target: 'es2020', minify: true });
  return code;
}

async function load(): Promise<ConsoleScript> {
  const js = await compile();
  const hash = createHash('sha256').update(js).digest('hex').slice(0, 12);
  return {
    hash,
    href: `/console/assets/console.${hash}.js`,
    file: toServedFile(js, 'application/javascript; charset=utf-8'),
  };
}

/** The script, loaded once per process. */
export const getConsoleScript = loadOnce(load);
