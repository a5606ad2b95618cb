/**
 * The French readability measure on known words and texts, counted by hand with the rules
 * of docs/readability.md.
 */
import { describe, expect, it } from 'vitest';
import {
  countSyllables,
  extractBlocks,
  kandelMoles,
  measureReadability,
  splitSentences,
  splitWords,
} from '../../../hub/readability/index.js';

describe('French syllables by vowel groups', () => {
  const cases: [string, number][] = [
    ['chat', 1],
    ['oiseau', 2],
    ['table', 1],
    ['tables', 1],
    ['école', 2],
    ['année', 2],
    ['créer', 2],
    ['créée', 2],
    ['préalable', 3],
    ['géographie', 4],
    ['naïf', 2],
    ['Noël', 2],
    ['quatre', 1],
    ['guerre', 1],
    ['que', 1],
    ['le', 1],
    ['les', 1],
    ['des', 1],
    ['vie', 1],
    ['peut-être', 2],
    ["l'administration", 5],
    ["qu'il", 1],
    ['subordonnée', 4],
    ['réglementaires', 4],
    ['M', 1],
    ['2027', 0],
  ];
  for (const [word, n] of cases) it(`counts ${n} in « ${word} »`, () => expect(countSyllables(word)).toBe(n));
});

describe('sentences and words', () => {
  it('does not cut after initials or abbreviations', () => {
    expect(splitSentences('M. Dupont est là, art. 3 du code. Il part !')).toEqual([
      'M. Dupont est là, art. 3 du code.',
      'Il part !',
    ]);
  });

  it('keeps headings and list items apart, and skips scripts', () => {
    expect(
      extractBlocks(
        '<h2>Horaires</h2><ul><li>Lundi</li><li>Mardi</li></ul><p>Venez t&ocirc;t.</p><script>x()</script>',
      ),
    ).toEqual(['Horaires', 'Lundi', 'Mardi', 'Venez tôt.']);
  });

  it('counts words with letters only, compounds as one', () => {
    expect(splitWords("Le 12 mai, l'école peut-être ouverte.")).toEqual([
      'Le',
      'mai',
      "l'école",
      'peut-être',
      'ouverte',
    ]);
  });
});

describe('the Kandel–Moles score', () => {
  it('is 207 − 1.015 × words per sentence − 73.6 × syllables per word', () => {
    expect(kandelMoles(10, 1.5)).toBeCloseTo(207 - 10.15 - 110.4, 10);
  });

  it('rates short sentences of short words as very easy', () => {
    // 6 words, 2 sentences, 6 syllables: 207 − 1.015 × 3 − 73.6 × 1 = 130.355.
    expect(measureReadability('Le chat dort. Il fait beau.')).toEqual({
      formula: 'kandel-moles',
      score: 130.4,
      sentences: 2,
      words: 6,
      syllables: 6,
      wordsPerSentence: 3,
      syllablesPerWord: 1,
      lettersPerWord: 3.3,
      longSentences: 0,
    });
  });

  it('rates administrative prose as very difficult', () => {
    // 14 words, 1 sentence, 38 syllables (la 1, dé-li-vrance 3, de 1, l'au-to-ri-sa-tion 5,
    // ad-mi-nis-tra-tive 5, pré-a-lable 3, est 1, su-bor-don-née 4, à 1, la 1, pro-duc-tion 3,
    // des 1, jus-ti-fi-ca-tifs 5, ré-gle-men-taires 4): 207 − 14.21 − 73.6 × 38 / 14 = −6.98.
    const r = measureReadability(
      "<p>La délivrance de l'autorisation administrative préalable est subordonnée à la production des justificatifs réglementaires.</p>",
    );
    expect(r).toMatchObject({ sentences: 1, words: 14, syllables: 38, wordsPerSentence: 14, syllablesPerWord: 2.71 });
    expect(r?.score).toBe(-7);
  });

  it('counts sentences of more than 25 words', () => {
    const long = `${Array.from({ length: 26 }, () => 'mot').join(' ')}.`;
    expect(measureReadability(`<p>${long} Court.</p>`)).toMatchObject({ sentences: 2, longSentences: 1 });
  });

  it('has nothing to say of a text without words', () => {
    expect(measureReadability('<p>12 — 2027</p>')).toBeUndefined();
    expect(measureReadability('')).toBeUndefined();
  });
});
