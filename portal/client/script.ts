/**
 * The portal's wish script as the hub serves it: compiled by tsc next to the built hub,
 * or — running from source — stripped of its types by esbuild on first use (as the
 * console's script). Served under its content hash, cacheable forever.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { loadOnce, toServedFile, type ServedFile } from '../../hub/assets/index.js';

export interface PortalScript {
  hash: string;
  /** /assets/souhaits.<hash>.js */
  href: string;
  file: ServedFile;
}

const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');

/** The portal loads it as a classic deferred script: the `export {}` that makes it a module for tsc goes. */
function dropEmptyExport(js: string): string {
  return js.replace(/^export\s*\{\s*\};?\s*$/m, '');
}

async function compile(): Promise<string> {
  if (!RUNNING_FROM_SOURCE) {
    const built = await readFile(new URL('./wish-suggest.js', import.meta.url), 'utf8');
    return dropEmptyExport(built.replace(/\n\/\/# sourceMappingURL=.*$/m, ''));
  }
  const esbuild = await import('esbuild');
  const source = await readFile(new URL('./wish-suggest.ts', import.meta.url), 'utf8');
  const { code } = await esbuild.transform(source, { loader: 'ts', format: 'iife', target: 'es2020', minify: true });
  return dropEmptyExport(code);
}

async function load(): Promise<PortalScript> {
  const js = await compile();
  const hash = createHash('sha256').update(js).digest('hex').slice(0, 12);
  return { hash, href: `/assets/souhaits.${hash}.js`, file: toServedFile(js, 'application/javascript; charset=utf-8') };
}

/** The script, loaded once per process. */
export const getWishScript = loadOnce(load);
