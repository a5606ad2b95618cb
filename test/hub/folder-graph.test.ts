/**
 * The shape of the house, read from the sources: which hub folder imports which. No two
 * folders import each other (directly or round a longer loop), and no folder's index
 * hands out a mongoose model — the models stay in the folder that owns them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(new URL('../../', import.meta.url).pathname);
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g;

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** hub/<folder> for a file inside one, undefined for hub/*.ts and anything else. */
function hubFolder(path: string): string | undefined {
  const parts = relative(ROOT, path).split('/');
  return parts[0] === 'hub' && parts.length > 2 ? `hub/${parts[1]}` : undefined;
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of listFiles(join(ROOT, 'hub'))) {
    const from = hubFolder(file);
    if (!from) continue;
    const edges = graph.get(from) ?? graph.set(from, new Set()).get(from)!;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const to = hubFolder(resolve(dirname(file), match[1] ?? match[2] ?? ''));
      if (to && to !== from) edges.add(to);
    }
  }
  return graph;
}

/** A loop of folders, or undefined. */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const walk = (node: string, path: string[]): string[] | undefined => {
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    if (state.get(node) === 'done') return undefined;
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) {
      const cycle = walk(next, [...path, node]);
      if (cycle) return cycle;
    }
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = walk(node, []);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the hub folders', () => {
  const graph = folderGraph();

  it('are read from the sources (the graph is not empty)', () => {
    expect(graph.get('hub/scheduler')).toEqual(new Set(['hub/db', 'hub/ingest', 'hub/items', 'hub/sources']));
    expect(graph.get('hub/ingest')?.has('hub/sources')).toBe(true);
  });

  it('never import each other, directly or round a loop', () => {
    expect(findCycle(graph)).toBeUndefined();
  });

  it('keep the source-run path one way: scheduler → ingest → sources', () => {
    expect(graph.get('hub/sources')?.has('hub/scheduler')).toBe(false);
    expect(graph.get('hub/sources')?.has('hub/ingest')).toBe(false);
    expect(graph.get('hub/ingest')?.has('hub/scheduler')).toBe(false);
  });

  it('finds a loop when there is one (the check can fail)', () => {
    const looped = new Map([
      ['hub/a', new Set(['hub/b'])],
      ['hub/b', new Set(['hub/c'])],
      ['hub/c', new Set(['hub/a'])],
    ]);
    expect(findCycle(looped)).toEqual(['hub/a', 'hub/b', 'hub/c', 'hub/a']);
  });

  // Imports every folder of the hub: seconds alone, a minute on a machine shared with other runs.
  it('hand out no mongoose model through their index', async () => {
    const indexes = readdirSync(join(ROOT, 'hub'))
      .map((name) => join(ROOT, 'hub', name, 'index.ts'))
      .filter((path) => existsSync(path));
    expect(indexes.length).toBeGreaterThan(10);
    for (const path of indexes) {
      const exported = Object.entries(await import(path));
      const models = exported.filter(
        ([, value]) => typeof value === 'function' && value.prototype instanceof mongoose.Model,
      );
      expect(models.map(([name]) => `${relative(ROOT, path)}: ${name}`)).toEqual([]);
    }
  }, 120_000);
});
