/**
 * User text never reaches lunr's query parser: syntax characters, huge or random input
 * give results or none, never an error, and cost no more than a normal query.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { searchItems, suggest, type SearchIndex } from '../../../hub/search/index.js';
import { buildNewsIndex } from './corpus.js';

let index: SearchIndex;
beforeAll(() => {
  index = buildNewsIndex();
});

const HOSTILE = [
  'rdv 14:30',
  'permis^',
  'permis^10',
  'a~',
  'a~2',
  '+',
  '-',
  '*',
  ':',
  '~',
  '^',
  '+-*:~^',
  'title:permis',
  'foo:bar:baz',
  '-permis',
  '+permis +construire',
  'per*',
  '*mis',
  '**',
  'nouméa~1',
  '"carte grise"',
  '(bus)',
  '\\',
  '\\\\*',
  '[',
  ']',
  '{}',
  '<script>alert(1)</script>',
  '&amp;',
  '%00',
  '\u0000',
  '\uFFFF',
  '\uD800',
  '🙂 fête 🙂',
  'ＮＯＵＭＥＡ',
  'e\u0301te\u0301',
  "l'",
  "'",
  '’’’',
  '-'.repeat(500),
  'a'.repeat(500),
  'de la le les des',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'prototype',
  '_index',
  'ref',
  'title',
  '1e999',
  'NaN',
  'undefined',
  'null',
  '0',
  '   ',
  '\t\n',
];

function randomText(seed: number, length: number): string {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pools = [
    'abcdefghijklmnopqrstuvwxyz',
    'éèêàçîïôûœ',
    '+-*:~^"()[]{}\\/<>&;\'’',
    ' \t\n',
    '0123456789',
    '🙂\u0301\u200b',
  ];
  let out = '';
  while (out.length < length) {
    const pool = pools[Math.floor(next() * pools.length)]!;
    out += [...pool][Math.floor(next() * [...pool].length)];
  }
  return out;
}

describe('hostile queries', () => {
  it.each(HOSTILE)('%j searches and suggests without throwing', (q) => {
    const result = searchItems(index, { q });
    expect(result.total).toBeGreaterThanOrEqual(0);
    expect(result.items.length).toBeLessThanOrEqual(result.limit);
    expect(() => suggest(index, q)).not.toThrow();
  });

  it('survives 200 random strings of up to 500 characters', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const q = randomText(seed, (seed * 37) % 500);
      expect(() => searchItems(index, { q, sort: seed % 2 ? 'date' : 'relevance', type: ['news'] }), q).not.toThrow();
      expect(() => suggest(index, q, 5), q).not.toThrow();
    }
  });

  it('reads syntax characters as punctuation, not as operators', () => {
    expect(searchItems(index, { q: '-piscine' }).items[0]!.id).toBe('nc-montdore-piscine');
    expect(searchItems(index, { q: 'title:piscine' }).items[0]!.id).toBe('nc-montdore-piscine');
    expect(searchItems(index, { q: 'piscine^100' }).items[0]!.id).toBe('nc-montdore-piscine');
  });

  it('gives nothing (not everything) for punctuation or stop words only', () => {
    for (const q of ['+', '*', ':', 'de la les', "l'"]) expect(searchItems(index, { q }).total).toBe(0);
  });

  it('treats a blank query as a listing', () => {
    expect(searchItems(index, { q: '   ' }).total).toBe(searchItems(index, {}).total);
  });

  it('does not look up object prototype keys as terms', () => {
    for (const q of ['constructor', '__proto__', 'hasOwnProperty']) expect(searchItems(index, { q }).total).toBe(0);
  });

  it('bounds the cost of a very long query', () => {
    const q = Array.from({ length: 300 }, (_, i) => `mot${i}`).join(' ');
    const started = performance.now();
    searchItems(index, { q });
    expect(performance.now() - started).toBeLessThan(500);
  });
});
