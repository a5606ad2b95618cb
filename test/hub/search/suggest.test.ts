/** Completions: surface words (not stems), context-aware, plus matching titles. */
import { beforeAll, describe, expect, it } from 'vitest';
import { suggest, type SearchIndex } from '../../../hub/search/index.js';
import { buildFullIndex } from './corpus.js';

let index: SearchIndex;
beforeAll(() => {
  index = buildFullIndex();
});

describe('suggest', () => {
  it('completes the last word with words as written, not stems', () => {
    const { terms } = suggest(index, 'nou', 8);
    expect(terms.map((t) => t.word)).toContain('Nouméa');
    expect(terms.every((t) => t.text === t.word)).toBe(true);
    expect(terms.map((t) => t.word)).not.toContain('noum');
  });

  it('finds accented words from an unaccented prefix and keeps one word per stem', () => {
    const words = suggest(index, 'equip', 10).terms.map((t) => t.word);
    expect(words.some((w) => /^équipement/.test(w))).toBe(true);
    expect(words.filter((w) => /^équipements?$/.test(w))).toHaveLength(1);
  });

  it('keeps the words typed before and prefers completions that go with them', () => {
    const { terms } = suggest(index, 'permis de cond', 5);
    expect(terms[0]).toMatchObject({ text: 'permis de conduire', word: 'conduire' });
  });

  it('suggests titles whose words start with every typed word', () => {
    const { titles } = suggest(index, 'fête pir', 5);
    expect(titles[0]).toEqual({
      id: 'nc-idp-pirogues',
      title: "Fête de la pirogue à L'Île-des-Pins : inscriptions ouvertes",
      url: 'https://ile-des-pins.example.nc/actualites/fete-des-pirogues',
    });
    expect(suggest(index, 'kaala gom', 5).titles.map((t) => t.id)).toEqual(['nc-kaala-foire', 'nc-kaala-route']);
  });

  it('suggests no title matching only some of the words', () => {
    expect(suggest(index, 'pirogue chaudière', 5).titles).toEqual([]);
  });

  it('honours the limit and returns nothing for blank or one-letter input', () => {
    expect(suggest(index, 'co', 3).terms).toHaveLength(3);
    expect(suggest(index, 'co', 3).titles.length).toBeLessThanOrEqual(3);
    expect(suggest(index, '   ')).toEqual({ terms: [], titles: [] });
    expect(suggest(index, 'c').terms).toEqual([]);
  });

  it('never suggests stop words or numbers', () => {
    const words = suggest(index, 'de', 20).terms.map((t) => t.word.toLowerCase());
    expect(words).not.toContain('de');
    expect(words).not.toContain('des');
    const numbers = suggest(index, '20', 20).terms.map((t) => t.word);
    expect(numbers.every((w) => /[^0-9]/.test(w))).toBe(true); // `20h` yes, `2024` no
  });
});
