/** The French analysis: folding, splitting, elisions, stop words, stemming, and lunr's traps. */
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { foldedWords, foldWord, isStopWord, stemWord } from '../../../hub/search/analysis/index.js';
import { buildSearchIndex, searchItems, serializeSearchIndex } from '../../../hub/search/index.js';
import { gunzipSync } from 'node:zlib';

describe('foldWord', () => {
  it.each([
    ['Préfecture', 'prefecture'],
    ['PREFECTURE', 'prefecture'],
    ['Île', 'ile'],
    ['Été', 'ete'],
    ['Œuvre', 'oeuvre'],
    ['cæcum', 'caecum'],
    ['Houaïlou', 'houailou'],
    ['Ponérihouen', 'ponerihouen'],
    ['ç', 'c'],
    ['e\u0301te\u0301', 'ete'], // already decomposed (NFD) input
  ])('%s → %s', (word, folded) => {
    expect(foldWord(word)).toBe(folded);
  });
});

describe('foldedWords', () => {
  it.each([
    ["L'Île-des-Pins", ['ile', 'des', 'pins']],
    ['L’Île-des-Pins', ['ile', 'des', 'pins']],
    ['Le Mont-Dore', ['le', 'mont', 'dore']],
    ['Kaala-Gomen', ['kaala', 'gomen']],
    ["carte d'identité", ['carte', 'identite']],
    ["qu'il s'inscrive jusqu'à lundi", ['il', 'inscrive', 'a', 'lundi']],
    ["n'est j'ai c'est m'appelle t'inscrire", ['est', 'ai', 'est', 'appelle', 'inscrire']],
    ['rdv 14:30', ['rdv', '14', '30']],
    ['permis^ a~ +x -y *z', ['permis', 'a', 'x', 'y', 'z']],
    ["aujourd'hui", ['aujourd', 'hui']],
  ])('%s', (text, words) => {
    expect(foldedWords(text)).toEqual(words);
  });

  it('drops runs too long to be words', () => {
    expect(foldedWords(`a${'x'.repeat(60)} mot`)).toEqual(['mot']);
  });
});

describe('stop words', () => {
  it.each(['de', 'la', 'les', 'qu', 'l', 'd', 'etes', 'etaient', 'jusqu'])('%s is a stop word', (w) => {
    expect(isStopWord(w)).toBe(true);
  });
  it.each(['ete', 'sommes', 'avions', 'son', 'fut', 'carte', 'pins'])('%s is kept (a noun here)', (w) => {
    expect(isStopWord(w)).toBe(false);
  });
});

describe('stemWord', () => {
  it.each([
    ['equipement', 'equipements'],
    ['allocation', 'allocations'],
    ['vaccination', 'vacciner'],
    ['mariage', 'mariages'],
  ])('%s and %s share a stem', (a, b) => {
    expect(stemWord(a)).toBe(stemWord(b));
  });
  it('stems accented and unaccented spellings alike (folding comes first)', () => {
    expect(stemWord(foldWord('Préfecture'))).toBe(stemWord(foldWord('prefecture')));
    expect(stemWord(foldWord('identité'))).toBe(stemWord(foldWord('identite')));
  });
});

describe("lunr's traps, avoided", () => {
  const items = [
    {
      id: 'a',
      partnerId: 'p',
      url: 'https://x.nc/a',
      title: "Été : carte d'identité",
      type: 'news' as const,
      topics: [],
      audience: [],
      territory: { scope: 'nc' as const },
      status: 'published' as const,
    },
  ];

  it("lunr's own trimmer eats an accented initial; ours does not", () => {
    const trimmed = lunr.trimmer(new lunr.Token('Été', {})).toString();
    expect(trimmed).toBe('t'); // the trap exists…
    expect(searchItems(buildSearchIndex(items, {}), { q: 'été ' }).total).toBe(1); // …and is avoided
  });

  it("lunr's tokenizer keeps d'identité whole; ours splits it", () => {
    expect(lunr.tokenizer("d'identité").map(String)).toEqual(["d'identité"]);
    expect(searchItems(buildSearchIndex(items, {}), { q: 'identite ' }).total).toBe(1);
  });

  it('serializes its own registered pipeline, not lunr-languages labels', () => {
    const raw = gunzipSync(serializeSearchIndex(buildSearchIndex(items, {}))).toString('utf8');
    expect(raw).toContain('passerelle-fold-fr');
    expect(raw).toContain('passerelle-stem-fr');
    expect(raw).not.toContain('trimmer');
  });
});
