/** The word-level helpers behind prefixes and typos: edit distance, vocabulary, bitsets. */
import { describe, expect, it } from 'vitest';
import { countBits, createRangeBitset, listBits } from '../../../hub/search/internal/bitset.js';
import { boundedDistance } from '../../../hub/search/internal/edit-distance.js';
import { VocabularyBuilder } from '../../../hub/search/internal/vocabulary-builder.js';
import { displayWord, expandPrefix, findSimilar, hasWord } from '../../../hub/search/internal/vocabulary.js';

describe('boundedDistance', () => {
  it.each([
    ['equipement', 'equipement', 2, 0],
    ['equipemnt', 'equipement', 2, 1],
    ['equipemnet', 'equipement', 2, 1], // transposition
    ['eqiupmeent', 'equipement', 2, 2],
    ['pirogue', 'pirgeu', 1, 2], // over the bound: max + 1
    ['a', 'abcdef', 2, 3],
    ['', 'ab', 2, 2],
  ])('%s ↔ %s (max %i) = %i', (a, b, max, expected) => {
    expect(boundedDistance(a, b, max)).toBe(expected);
  });

  it('handles words longer than its preallocated rows', () => {
    expect(boundedDistance('x'.repeat(100), `${'x'.repeat(99)}y`, 1)).toBe(1);
  });
});

describe('vocabulary', () => {
  const builder = new VocabularyBuilder();
  const add = (surface: string, times = 1) => {
    for (let i = 0; i < times; i++) builder.add(surface, surface.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
  };
  add('Nouméa', 3);
  add('nouvelle', 5);
  add('Nouvelle', 6); // capitalised at the head of titles
  add('nourrir');
  add('de', 9); // stop word
  add('2024', 4); // number
  add('x'); // one letter
  const vocab = builder.finish();

  it('sorts folded words and leaves out stop words, numbers and single letters', () => {
    expect(vocab.words).toEqual(['noumea', 'nourrir', 'nouvelle']);
    expect(hasWord(vocab, 'noumea')).toBe(true);
    expect(hasWord(vocab, 'de')).toBe(false);
  });

  it('keeps the most frequent spelling, lower case weighing double', () => {
    expect(displayWord(vocab, vocab.words.indexOf('noumea'))).toBe('Nouméa');
    expect(displayWord(vocab, vocab.words.indexOf('nouvelle'))).toBe('nouvelle');
  });

  it('expands a prefix to its most frequent words first', () => {
    expect(expandPrefix(vocab, 'nou', 2).map((i) => vocab.words[i])).toEqual(['nouvelle', 'noumea']);
    expect(expandPrefix(vocab, 'nox', 5)).toEqual([]);
  });

  it('finds words within a distance, closest first', () => {
    expect(findSimilar(vocab, 'noumae', 1, 5).map((i) => vocab.words[i])).toEqual(['noumea']);
    expect(findSimilar(vocab, 'moumea', 1, 5)).toEqual([]); // first letter kept
  });
});

describe('bitsets', () => {
  it.each([
    [0, 0],
    [0, 1],
    [3, 35],
    [31, 33],
    [32, 64],
    [0, 100],
    [5, 5],
  ])('range [%i, %i) sets exactly those documents', (from, to) => {
    const bits = createRangeBitset(100, from, to);
    expect(listBits(bits)).toEqual(Array.from({ length: to - from }, (_, i) => from + i));
    expect(countBits(bits)).toBe(to - from);
  });
});
