import { describe, expect, it } from 'vitest';
import { fillTemplate, readPath } from '../../../connectors/json-api/index.js';

const doc = {
  a: { b: [{ c: 1 }, { c: 2 }], 'x/y': 'slash', 'm~n': 'tilde' },
  slug: 'fête de l’igname',
  path: 'agenda/2026/fete',
};

describe('readPath', () => {
  it.each([
    ['a.b.1.c', 2],
    ['/a/b/0/c', 1],
    ['/a/x~1y', 'slash'],
    ['/a/m~0n', 'tilde'],
    ['a.b', doc.a.b],
    ['', doc],
    [undefined, doc],
    ['a.missing.c', undefined],
    ['a.b.9.c', undefined],
    ['a.b.first', undefined],
    ['__proto__', undefined],
    ['a.constructor', undefined],
  ])('%j → %j', (path, value) => {
    expect(readPath(doc, path)).toEqual(value);
  });
});

describe('fillTemplate', () => {
  it.each([
    ['https://x.nc/agenda/{slug}', 'https://x.nc/agenda/f%C3%AAte%20de%20l%E2%80%99igname'],
    ['https://x.nc/{+path}', 'https://x.nc/agenda/2026/fete'],
    ['https://x.nc/items/{a.b.0.c}', 'https://x.nc/items/1'],
    ['https://x.nc/{/a/b/1/c}', 'https://x.nc/2'],
    ['https://x.nc/{nothing}', undefined],
    ['https://x.nc/{a.b}', undefined],
  ])('%s → %s', (template, url) => {
    expect(fillTemplate(template, doc)).toBe(url);
  });
});
