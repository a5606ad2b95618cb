/**
 * The widget files the hub serves, loaded once per process: prebuilt files next to the
 * compiled hub (production image, no esbuild there), else built in memory from source.
 * Each file is kept with its ETag and its gzip and brotli encodings.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadOnce, toServedFile, type ServedFile } from '../../hub/assets/index.js';
import { BUNDLE_FILES, buildWidgets, type WidgetBundle } from '../build.js';

export interface WidgetAssets {
  hash: string;
  embed: ServedFile;
  map: ServedFile;
  frame: ServedFile;
  wish: ServedFile;
}

const JS = 'application/javascript; charset=utf-8';
/** Compiled hub: dist/widgets/server/ → dist/widgets/dist/ (written by `tsx widgets/build.ts`). */
const PREBUILT_DIR = fileURLToPath(new URL('../dist/', import.meta.url));
const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');

async function readPrebuilt(): Promise<WidgetBundle> {
  const read = (name: string) => readFile(PREBUILT_DIR + name, 'utf8');
  try {
    const manifest = JSON.parse(await read(BUNDLE_FILES.manifest)) as { hash: string };
    return {
      hash: manifest.hash,
      embed: await read(BUNDLE_FILES.embed),
      map: await read(BUNDLE_FILES.map),
      frame: await read(BUNDLE_FILES.frame),
      wish: await read(BUNDLE_FILES.wish),
    };
  } catch (err) {
    throw new Error(
      `widgets: no prebuilt bundle in ${PREBUILT_DIR} (run \`tsx widgets/build.ts\` after tsc): ${(err as Error).message}`,
    );
  }
}

async function loadAssets(): Promise<WidgetAssets> {
  // From source the files are always rebuilt, so an old dist never hides an edit.
  const bundle = RUNNING_FROM_SOURCE ? await buildWidgets() : await readPrebuilt();
  return {
    hash: bundle.hash,
    embed: toServedFile(bundle.embed, JS),
    map: toServedFile(bundle.map, 'application/json; charset=utf-8'),
    frame: toServedFile(bundle.frame, JS),
    wish: toServedFile(bundle.wish, JS),
  };
}

/** The widget files, built or read on first call and shared by every app in the process. */
export const getWidgetAssets = loadOnce(loadAssets);
