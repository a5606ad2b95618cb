/**
 * Builds the browser bundles with esbuild: embed.js (the custom elements, IIFE, with a
 * source map), wish.js (<passerelle-wish>, on its own) and frame.js (the host side of
 * widget iframes). The hub builds them in
 * memory when it runs from source; `npm run build` writes them next to the compiled hub:
 *   tsx widgets/build.ts [outDir]   (default dist/widgets/dist)
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderTokenCss } from '../hub/ui/index.js';

export interface WidgetBundle {
  /** First 12 hex digits of the SHA-256 of embed.js: the name of its immutable copy. */
  hash: string;
  /** embed.js, ending with a sourceMappingURL to embed.<hash>.js.map. */
  embed: string;
  map: string;
  frame: string;
  /** <passerelle-wish>, bundled apart so that embed.js keeps its size budget. */
  wish: string;
}

/** Where the built files go and where the compiled hub looks for them. */
export const BUNDLE_FILES = {
  embed: 'embed.js',
  map: 'embed.js.map',
  frame: 'frame.js',
  wish: 'wish.js',
  manifest: 'manifest.json',
} as const;

const SOURCE_DIR = fileURLToPath(new URL('./src/', import.meta.url));

/** Browsers the widgets promise to work in (custom elements and shadow DOM are the floor). */
const TARGETS = ['chrome90', 'firefox90', 'safari15', 'edge90'];

/**
 * Drops the shared tokens (`--pl-…`) that no rule reads: each one is declared three times
 * (light, dark, forced dark) in a script whose gzip size has a budget.
 */
export function dropUnreadTokens(css: string): string {
  return css.replace(/--pl-[\w-]+:[^;}]*;?/g, (declaration) => {
    const name = declaration.slice(0, declaration.indexOf(':'));
    return css.includes(`var(${name})`) || css.includes(`var(${name},`) ? declaration : '';
  });
}

/** Builds both bundles in memory. Needs the esbuild package (a development dependency). */
export async function buildWidgets(sourceDir = SOURCE_DIR): Promise<WidgetBundle> {
  const esbuild = await import('esbuild');
  // The design tokens shared with the portal and the console, declared on each shadow root's .root.
  const stylesheet = dropUnreadTokens(
    `${renderTokenCss('widget')}\n${await readFile(join(sourceDir, 'styles.css'), 'utf8')}`,
  );
  const css = await esbuild.transform(stylesheet, {
    loader: 'css',
    minify: true,
    target: TARGETS,
  });
  const result = await esbuild.build({
    entryPoints: {
      embed: join(sourceDir, 'index.ts'),
      frame: join(sourceDir, 'frame-host.ts'),
      wish: join(sourceDir, 'wish-entry.ts'),
    },
    bundle: true,
    format: 'iife',
    minify: true,
    target: TARGETS,
    charset: 'utf8',
    legalComments: 'none',
    sourcemap: 'external',
    sourcesContent: true,
    write: false,
    outdir: '/widgets/v1',
    logLevel: 'silent',
    define: { __WIDGET_CSS__: JSON.stringify(css.code.trim()) },
  });
  const text = (name: string) => {
    const file = result.outputFiles.find((f) => f.path.endsWith(`/${name}`));
    if (!file) throw new Error(`widgets: esbuild produced no ${name}`);
    return file.text;
  };
  const code = text('embed.js').trimEnd();
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
  return {
    hash,
    embed: `${code}\n//# sourceMappingURL=embed.${hash}.js.map\n`,
    map: text('embed.js.map'),
    frame: text('frame.js'),
    wish: text('wish.js'),
  };
}

/** Builds and writes embed.js, its map, frame.js and a manifest naming the hash into `outDir`. */
export async function writeWidgets(outDir: string): Promise<WidgetBundle> {
  const bundle = await buildWidgets();
  await mkdir(outDir, { recursive: true });
  await Promise.all([
    writeFile(join(outDir, BUNDLE_FILES.embed), bundle.embed),
    writeFile(join(outDir, BUNDLE_FILES.map), bundle.map),
    writeFile(join(outDir, BUNDLE_FILES.frame), bundle.frame),
    writeFile(join(outDir, BUNDLE_FILES.wish), bundle.wish),
    writeFile(join(outDir, BUNDLE_FILES.manifest), `${JSON.stringify({ hash: bundle.hash })}\n`),
  ]);
  return bundle;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = resolve(process.argv[2] ?? 'dist/widgets/dist');
  writeWidgets(outDir).then(
    (b) => console.log(`widgets: embed.js ${Buffer.byteLength(b.embed)} bytes (hash ${b.hash}) written to ${outDir}`),
    (err: unknown) => {
      console.error(`widgets: build failed: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}
