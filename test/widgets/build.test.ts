import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILES, buildWidgets, dropUnreadTokens, writeWidgets, type WidgetBundle } from '../../widgets/build.js';

/** The budget for embed.js, minified and gzipped. */
const MAX_GZIPPED_BYTES = 15 * 1024;

let bundle: WidgetBundle;
beforeAll(async () => {
  bundle = await buildWidgets();
});

describe('buildWidgets', () => {
  it(`keeps embed.js within ${MAX_GZIPPED_BYTES} bytes gzipped`, () => {
    const gzipped = gzipSync(bundle.embed, { level: 9 }).length;
    console.log(`widgets: embed.js ${Buffer.byteLength(bundle.embed)} bytes, ${gzipped} gzipped`);
    expect(gzipped).toBeLessThanOrEqual(MAX_GZIPPED_BYTES);
  });

  it('is one minified IIFE that points at its hashed source map', () => {
    const lines = bundle.embed.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^("use strict";)?\(\(\)=>\{/);
    expect(lines.at(-2)).toMatch(/\}\)\(\);$/);
    expect(lines.at(-1)).toBe(`//# sourceMappingURL=embed.${bundle.hash}.js.map`);
    expect(bundle.hash).toMatch(/^[0-9a-f]{12}$/);
    const map = JSON.parse(bundle.map) as { version: number; sources: string[] };
    expect(map.version).toBe(3);
    expect(map.sources.some((s) => s.endsWith('widgets/src/article.ts'))).toBe(true);
  });

  it('defines the three custom elements and inlines the stylesheet', () => {
    for (const name of ['passerelle-news', 'passerelle-search', 'passerelle-article'])
      expect(bundle.embed).toContain(`"${name}"`);
    expect(bundle.embed).toContain('--passerelle-color-primary');
    expect(bundle.embed).not.toContain('__WIDGET_CSS__');
  });

  it('builds frame.js for host pages', () => {
    expect(bundle.frame).toContain('passerelle:resize');
    expect(bundle.frame.length).toBeLessThan(2000);
  });
});

describe('writeWidgets', () => {
  it('writes what the compiled hub serves: embed.js, its map, frame.js and the hash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-widgets-'));
    try {
      const written = await writeWidgets(join(dir, 'widgets', 'dist'));
      const read = (name: string) => readFile(join(dir, 'widgets', 'dist', name), 'utf8');
      expect(await read(BUNDLE_FILES.embed)).toBe(written.embed);
      expect(await read(BUNDLE_FILES.map)).toBe(written.map);
      expect(await read(BUNDLE_FILES.frame)).toBe(written.frame);
      expect(JSON.parse(await read(BUNDLE_FILES.manifest))).toEqual({ hash: written.hash });
      expect(written.hash).toBe(bundle.hash);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('widget sources', () => {
  it('never parse strings as HTML and set no cookies', async () => {
    const dir = new URL('../../widgets/src/', import.meta.url);
    for (const file of await readdir(dir)) {
      const source = await readFile(new URL(file, dir), 'utf8');
      expect(source, file).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write|document\.cookie|eval\(|new Function/,
      );
    }
  });
});

describe('dropUnreadTokens', () => {
  it('drops the shared tokens no rule reads and keeps the others and the widget’s own properties', () => {
    const css =
      '.root{--pl-color-text:#111;--pl-color-unused:#222;--_x:var(--pl-color-fallback, red);--pl-color-fallback:#333}' +
      '@media (prefers-color-scheme: dark){.root{--pl-color-text:#eee;--pl-color-unused:#ddd;}}' +
      '.a{color:var(--pl-color-text)}';
    expect(dropUnreadTokens(css)).toBe(
      '.root{--pl-color-text:#111;--_x:var(--pl-color-fallback, red);--pl-color-fallback:#333}' +
        '@media (prefers-color-scheme: dark){.root{--pl-color-text:#eee;}}' +
        '.a{color:var(--pl-color-text)}',
    );
  });
});
