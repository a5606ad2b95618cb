/** parseSearchParams: HTTP query strings to SearchParams, or French field errors. */
import { describe, expect, it } from 'vitest';
import { parseSearchParams, type RawQuery } from '../../../hub/search/index.js';

function params(query: RawQuery) {
  const parsed = parseSearchParams(query);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.params;
}

function errors(query: RawQuery) {
  const parsed = parseSearchParams(query);
  if (parsed.ok) throw new Error('expected errors');
  return parsed.errors;
}

describe('parseSearchParams', () => {
  it('accepts an empty query', () => {
    expect(params({})).toEqual({});
  });

  it('reads comma-separated and repeated list values, trimmed and deduplicated', () => {
    expect(params({ type: 'news,event', topic: ['sante', 'emploi,sante'], commune: ' 98818 , 98817 ' })).toEqual({
      type: ['news', 'event'],
      topic: ['sante', 'emploi'],
      commune: ['98818', '98817'],
    });
    expect(
      params({ partner: 'province-sud', partnerKind: 'commune', audience: 'particuliers', province: 'iles' }),
    ).toEqual({
      partner: ['province-sud'],
      partnerKind: ['commune'],
      audience: ['particuliers'],
      province: ['iles'],
    });
  });

  it('ignores empty values', () => {
    expect(params({ q: '  ', type: '', page: '', sort: undefined })).toEqual({});
  });

  it('refuses unknown parameters, naming them and the accepted ones', () => {
    const parsed = parseSearchParams({ types: 'event', callback: 'x', q: 'permis' });
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? [] : parsed.errors;
    expect(errors.map((e) => e.field)).toEqual(['types', 'callback']);
    expect(errors[0]?.message).toMatch(/^paramètre inconnu \(paramètres acceptés : q, partner, /);
    expect(parseSearchParams({ page: '2' }, ['q', 'limit'])).toMatchObject({ ok: false, errors: [{ field: 'page' }] });
  });

  it('reads dates as Nouméa days (to: end of day) or ISO 8601 instants', () => {
    expect(params({ from: '2024-05-01', to: '2024-05-31' })).toEqual({
      from: new Date('2024-04-30T13:00:00.000Z'),
      to: new Date('2024-05-31T12:59:59.999Z'),
    });
    expect(params({ from: '2024-05-01T10:00:00Z' }).from).toEqual(new Date('2024-05-01T10:00:00Z'));
    expect(params({ to: '2024-05-01T10:00:00.5+11:00' }).to).toEqual(new Date('2024-04-30T23:00:00.500Z'));
  });

  it('cuts a long q at a word boundary and says so, instead of refusing it', () => {
    const sentence = 'Bonjour, je voudrais savoir comment faire pour renouveler ma carte grise après mon déménagement ';
    const parsed = parseSearchParams({ q: sentence.repeat(12) });
    if (!parsed.ok) throw new Error('refused');
    expect(parsed.queryTruncated).toBe(true);
    expect(parsed.params.q!.length).toBeLessThanOrEqual(200);
    expect(sentence.repeat(12).startsWith(parsed.params.q!)).toBe(true);
    // 12 words at most.
    expect(parsed.params.q).toBe('Bonjour, je voudrais savoir comment faire pour renouveler ma carte grise après');
    const long = parseSearchParams({ q: `${'mot '.repeat(49)}dernier` });
    expect(long.ok && long.params.q!.length <= 200 && !long.params.q!.endsWith(' ')).toBe(true);
    expect(long.ok && long.queryTruncated).toBe(true);
    const word = parseSearchParams({ q: 'x'.repeat(1000) });
    expect(word.ok && word.params.q).toBe('x'.repeat(200));
    const short = parseSearchParams({ q: 'carte grise' });
    expect(short.ok && short.queryTruncated).toBe(false);
  });

  it('reads q, sort, page and limit', () => {
    expect(params({ q: ' permis ', sort: 'date', page: '3', limit: '50' })).toEqual({
      q: 'permis',
      sort: 'date',
      page: 3,
      limit: 50,
    });
  });

  it.each([
    [{ q: ['a', 'b'] }, 'q', 'paramètre répété : une seule valeur attendue'],
    [
      { type: 'news,blog' },
      'type',
      'valeur invalide : « blog » (attendu : news, event, procedure, service, job, publication, alert)',
    ],
    [
      { audience: 'enfants' },
      'audience',
      'valeur invalide : « enfants » (attendu : particuliers, professionnels, associations)',
    ],
    [{ commune: '98718' }, 'commune', 'valeur invalide : « 98718 » (attendu : code INSEE 988xx)'],
    [{ province: 'ouest' }, 'province', 'valeur invalide : « ouest » (attendu : sud, nord, iles)'],
    [
      { partner: 'Province Sud' },
      'partner',
      'valeur invalide : « Province Sud » (attendu : identifiant de partenaire (minuscules, chiffres, tirets))',
    ],
    [{ topic: 'Santé' }, 'topic', 'valeur invalide : « Santé » (attendu : thème en minuscules, chiffres et tirets)'],
    [
      { partnerKind: 'ngo' },
      'partnerKind',
      'valeur invalide : « ngo » (attendu : province, commune, state, government, public-body, other)',
    ],
    [{ from: '01/05/2024' }, 'from', 'date invalide : « 01/05/2024 » (attendu : AAAA-MM-JJ ou date ISO 8601)'],
    [{ to: '2024-02-30' }, 'to', 'date invalide : « 2024-02-30 » (attendu : AAAA-MM-JJ ou date ISO 8601)'],
    [
      { from: '2024-05-01T10:00:00' },
      'from',
      'date invalide : « 2024-05-01T10:00:00 » (attendu : AAAA-MM-JJ ou date ISO 8601)',
    ],
    [{ from: '2024-06-01', to: '2024-05-01' }, 'to', 'doit être postérieure ou égale à from'],
    [{ sort: 'popular' }, 'sort', 'valeur invalide (attendu : relevance ou date)'],
    [{ page: '0' }, 'page', 'doit être un entier entre 1 et 10 000'],
    [{ page: '1.5' }, 'page', 'doit être un entier entre 1 et 10 000'],
    [{ limit: '101' }, 'limit', 'doit être un entier entre 1 et 100'],
    [{ limit: '-1' }, 'limit', 'doit être un entier entre 1 et 100'],
    [{ limit: 'abc' }, 'limit', 'doit être un entier entre 1 et 100'],
    [{ page: '101', limit: '100' }, 'page', 'page × limit ne doit pas dépasser 10 000'],
    [{ page: '501' }, 'page', 'page × limit ne doit pas dépasser 10 000'],
    [{ type: Array.from({ length: 51 }, (_, i) => `t${i}`).join(',') }, 'type', 'au plus 50 valeurs'],
  ])('rejects %o', (query, field, message) => {
    expect(errors(query as RawQuery)).toContainEqual({ field, message });
  });

  it('accepts page × limit = 10 000 exactly', () => {
    expect(params({ page: '100', limit: '100' })).toEqual({ page: 100, limit: 100 });
    expect(params({ page: '500' })).toEqual({ page: 500 });
  });

  it('reports every field at fault at once', () => {
    expect(
      errors({ type: 'x', limit: '0', from: 'hier' })
        .map((e) => e.field)
        .sort(),
    ).toEqual(['from', 'limit', 'type']);
  });
});
