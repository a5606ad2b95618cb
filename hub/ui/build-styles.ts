/**
 * Builds one stylesheet per face with esbuild: the design tokens (tokens.ts), the kit
 * (kit.css: base, components, print) and the face's own CSS, minified, each named by its
 * content hash. The hub builds them in memory when it runs from source; `npm run build`
 * writes them next to the compiled hub:
 *   tsx hub/ui/build-styles.ts [outDir]   (default dist/hub/ui/dist)
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { renderTokenCss } from './tokens.js';

/** Each face and its own stylesheet (relative to the repository root), read after the kit. */
export const FACES = { portal: 'portal/styles.css', console: 'console/styles.css' } as const;
export type FaceName = keyof typeof FACES;

export interface BuiltStylesheet {
  css: string;
  /** First 12 hex digits of the SHA-256 of the CSS: the name of its immutable copy. */
  hash: string;
}

export const MANIFEST_FILE = 'manifest.json';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Browsers the pages promise to work in, as for the widgets. */
const TARGETS = ['chrome90', 'firefox90', 'safari15', 'edge90'];
const TOKENS_MODULE = 'passerelle:tokens';

/** `@import "passerelle:tokens"` resolves to the tokens rendered for pages. */
const tokensPlugin: Plugin = {
  name: 'passerelle-tokens',
  setup(build) {
    build.onResolve({ filter: /^passerelle:tokens$/ }, () => ({ path: TOKENS_MODULE, namespace: 'tokens' }));
    build.onLoad({ filter: /.*/, namespace: 'tokens' }, () => ({ contents: renderTokenCss('page'), loader: 'css' }));
  },
};

/** Builds one face's stylesheet. Needs the esbuild package (a development dependency). */
export async function buildStylesheet(face: FaceName): Promise<BuiltStylesheet> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    stdin: {
      contents: [`@import "${TOKENS_MODULE}";`, '@import "./hub/ui/kit.css";', `@import "./${FACES[face]}";`].join(
        '\n',
      ),
      resolveDir: ROOT,
      loader: 'css',
      sourcefile: `${face}.css`,
    },
    bundle: true,
    minify: true,
    target: TARGETS,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    plugins: [tokensPlugin],
  });
  const css = result.outputFiles[0]?.text ?? '';
  if (!css) throw new Error(`ui: esbuild produced no stylesheet for ${face}`);
  return { css, hash: createHash('sha256').update(css).digest('hex').slice(0, 12) };
}

/** Builds every face's stylesheet. */
export async function buildStylesheets(): Promise<Record<FaceName, BuiltStylesheet>> {
  const faces = Object.keys(FACES) as FaceName[];
  const built = await Promise.all(faces.map(buildStylesheet));
  return Object.fromEntries(faces.map((face, i) => [face, built[i]!])) as Record<FaceName, BuiltStylesheet>;
}

/** Writes `<face>.css` for every face and a manifest of their hashes into `outDir`. */
export async function writeStylesheets(outDir: string): Promise<Record<FaceName, BuiltStylesheet>> {
  const built = await buildStylesheets();
  await mkdir(outDir, { recursive: true });
  const manifest = Object.fromEntries(Object.entries(built).map(([face, sheet]) => [face, sheet.hash]));
  await Promise.all([
    ...Object.entries(built).map(([face, sheet]) => writeFile(resolve(outDir, `${face}.css`), sheet.css)),
    writeFile(resolve(outDir, MANIFEST_FILE), `${JSON.stringify(manifest)}\n`),
  ]);
  return built;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = resolve(process.argv[2] ?? 'dist/hub/ui/dist');
  writeStylesheets(outDir).then(
    (built) => {
      for (const [face, sheet] of Object.entries(built))
        console.log(`ui: ${face}.css ${Buffer.byteLength(sheet.css)} bytes (hash ${sheet.hash}) written to ${outDir}`);
    },
    (err: unknown) => {
      console.error(`ui: stylesheet build failed: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}
