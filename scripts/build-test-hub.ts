/**
 * The hub compiled once for the child processes of a test run (test/helpers/hub-process.ts,
 * test/helpers/cli.ts, test/hub/main.test.ts): the layout of `npm run build`'s dist/ —
 * JavaScript next to where tsc writes it, the JSON Schemas, the widget bundles and the
 * stylesheets prebuilt — so a child runs `node <dir>/hub/main.js` as production runs
 * dist/hub/main.js. Under tsx each child hub spent 6–9 s of CPU before it listened
 * (transforms, the widgets and stylesheets rebuilt in memory, tsx again in its reader
 * thread); see docs/benchmarks.md, « Test suite duration ».
 *
 * esbuild, file by file (no bundle), rather than tsc: the same modules and paths in a
 * second, where tsc spends most of its time on type checks the CI runs anyway. Types are
 * erased the same way (isolatedModules, verbatimModuleSyntax).
 *
 *   tsx scripts/build-test-hub.ts <outDir>
 */
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeStylesheets } from '../hub/ui/build-styles.js';
import { writeWidgets } from '../widgets/build.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** What tsconfig.build.json compiles, and the widgets' server side the hub imports. */
const SOURCE_DIRS = ['hub', 'connectors', 'schemas', 'portal', 'console', 'widgets'];
const SKIP = /(\.test\.tsx?|\.d\.ts)$/;

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') out.push(...(await sourceFiles(path)));
    } else if (/\.tsx?$/.test(entry.name) && !SKIP.test(entry.name)) out.push(path);
  }
  return out;
}

/** Writes the compiled hub into `outDir`; returns what it took, for the run's log. */
export async function buildTestHub(outDir: string): Promise<{ files: number; ms: number }> {
  const start = performance.now();
  const esbuild = await import('esbuild');
  const entryPoints = (await Promise.all(SOURCE_DIRS.map((dir) => sourceFiles(join(ROOT, dir))))).flat();
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    outbase: ROOT,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // Stack traces point at the sources, as tsc's sourceMap does.
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  await mkdir(join(outDir, 'schemas'), { recursive: true });
  for (const file of await readdir(join(ROOT, 'schemas')))
    if (file.endsWith('.schema.json')) await cp(join(ROOT, 'schemas', file), join(outDir, 'schemas', file));
  // hub/version.ts reads ../package.json; "type": "module" makes the .js files ESM.
  await cp(join(ROOT, 'package.json'), join(outDir, 'package.json'));
  await writeWidgets(join(outDir, 'widgets', 'dist'));
  await writeStylesheets(join(outDir, 'hub', 'ui', 'dist'));
  await writeFile(join(outDir, 'BUILT_FROM'), `${ROOT}\n`);
  return { files: entryPoints.length, ms: performance.now() - start };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = resolve(process.argv[2] ?? 'dist');
  buildTestHub(outDir).then(
    ({ files, ms }) =>
      console.log(`build-test-hub: ${files} files into ${relative(ROOT, outDir)} in ${ms.toFixed(0)} ms`),
    (err: unknown) => {
      console.error(`build-test-hub: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}
