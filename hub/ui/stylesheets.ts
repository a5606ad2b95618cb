/**
 * The faces' stylesheets as the hub serves them, loaded once per process: prebuilt files
 * next to the compiled hub (production image, no esbuild there), else built in memory
 * from source. Each is served under its content hash, cacheable forever.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadOnce, toServedFile, type ServedFile } from '../assets/index.js';
import { buildStylesheets, FACES, MANIFEST_FILE, type BuiltStylesheet, type FaceName } from './build-styles.js';

export interface Stylesheet {
  hash: string;
  /** The path pages link to: /assets/<face>.<hash>.css. */
  href: string;
  file: ServedFile;
}

export type Stylesheets = Record<FaceName, Stylesheet>;

/** Compiled hub: dist/hub/ui/ → dist/hub/ui/dist/ (written by `tsx hub/ui/build-styles.ts`). */
const PREBUILT_DIR = fileURLToPath(new URL('./dist/', import.meta.url));
const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');
const CSS = 'text/css; charset=utf-8';

async function readPrebuilt(): Promise<Record<FaceName, BuiltStylesheet>> {
  try {
    const manifest = JSON.parse(await readFile(PREBUILT_DIR + MANIFEST_FILE, 'utf8')) as Record<string, string>;
    const faces = Object.keys(FACES) as FaceName[];
    const sheets = await Promise.all(
      faces.map(async (face) => ({ css: await readFile(`${PREBUILT_DIR}${face}.css`, 'utf8'), hash: manifest[face]! })),
    );
    return Object.fromEntries(faces.map((face, i) => [face, sheets[i]!])) as Record<FaceName, BuiltStylesheet>;
  } catch (err) {
    throw new Error(
      `ui: no prebuilt stylesheets in ${PREBUILT_DIR} (run \`tsx hub/ui/build-styles.ts\` after tsc): ${(err as Error).message}`,
    );
  }
}

async function loadStylesheets(): Promise<Stylesheets> {
  // From source they are always rebuilt, so an old dist never hides an edit.
  const built = RUNNING_FROM_SOURCE ? await buildStylesheets() : await readPrebuilt();
  const entries = Object.entries(built).map(([face, { css, hash }]) => [
    face,
    { hash, href: `/assets/${face}.${hash}.css`, file: toServedFile(css, CSS) },
  ]);
  return Object.fromEntries(entries) as Stylesheets;
}

/** The stylesheets, built or read on first call and shared by every app in the process. */
export const getStylesheets = loadOnce(loadStylesheets);
