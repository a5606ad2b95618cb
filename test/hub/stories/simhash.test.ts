/** The pure parts of story grouping: canonical addresses, signatures, collapsing. */
import { describe, expect, it } from 'vitest';
import {
  bandKeys,
  canonicalizeUrl,
  collapseStories,
  computeSimhash,
  hammingDistance,
  toWords,
} from '../../../hub/stories/index.js';

const TEXT =
  'La route provinciale sera fermée à la circulation du lundi au vendredi pour des travaux de confortement de la chaussée, avec une déviation par Païta.';

describe('canonicalizeUrl', () => {
  it('drops case, scheme, trailing slash, fragment and tracking parameters, and sorts the rest', () => {
    const a = canonicalizeUrl('HTTPS://WWW.Gouv.NC/actus/x/?b=2&utm_source=fb&a=1&fbclid=zz#top');
    expect(a).toBe('www.gouv.nc/actus/x?a=1&b=2');
    expect(canonicalizeUrl('http://www.gouv.nc/actus/x?a=1&b=2')).toBe(a);
    expect(canonicalizeUrl('https://www.gouv.nc/actus/y')).not.toBe(a);
  });

  it('keeps the case of the path and refuses what is not http(s)', () => {
    expect(canonicalizeUrl('https://a.nc/Page')).not.toBe(canonicalizeUrl('https://a.nc/page'));
    expect(canonicalizeUrl('mailto:x@a.nc')).toBeUndefined();
    expect(canonicalizeUrl('pas une adresse')).toBeUndefined();
  });
});

describe('computeSimhash', () => {
  it('ignores markup, accents and case', () => {
    const a = computeSimhash(toWords(`<p>${TEXT}</p>`));
    const b = computeSimhash(toWords(`<div><strong>${TEXT.toUpperCase()}</strong></div>`));
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(b).toBe(a);
  });

  it('puts a long text with a changed date close, and an unrelated text far', () => {
    const long = Array.from({ length: 8 }, (_, i) => `${TEXT} Paragraphe ${i} sur les horaires du chantier.`).join(' ');
    const a = computeSimhash(toWords(long))!;
    const edited = computeSimhash(toWords(long.replace('lundi', 'mardi')))!;
    const other = computeSimhash(
      toWords(
        'Le marché de Noël ouvre samedi place des Cocotiers avec des artisans, des animations et une buvette tenue par les associations.',
      ),
    )!;
    expect(hammingDistance(a, edited)).toBeLessThanOrEqual(3);
    expect(hammingDistance(a, other)).toBeGreaterThan(10);
  });

  it('gives no signature to a text too short to say anything', () => {
    expect(computeSimhash(toWords('Coupure d’eau mardi'))).toBeUndefined();
  });

  it('splits a signature in four 16-bit bands', () => {
    expect(bandKeys('0123456789abcdef')).toEqual(['b0:0123', 'b1:4567', 'b2:89ab', 'b3:cdef']);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
  });
});

describe('collapseStories', () => {
  const item = (id: string, partnerId: string, publishedAt: string, extra = {}) => ({
    id,
    partnerId,
    url: `https://${partnerId}.nc/${id}`,
    publishedAt,
    ...extra,
  });

  it('keeps the earliest published member and lists the others', () => {
    const out = collapseStories([
      item('b', 'noumea', '2026-11-03T00:00:00Z', { storyId: 'a' }),
      item('a', 'gouvernement', '2026-11-02T00:00:00Z'),
      item('c', 'province-sud', '2026-11-01T00:00:00Z', { storyId: 'a' }),
      item('d', 'noumea', '2026-11-01T00:00:00Z'),
    ]);
    expect(out.map((i) => i.id).sort()).toEqual(['c', 'd']);
    expect(
      out
        .find((i) => i.id === 'c')!
        .alsoPublished!.map((m) => m.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(out.find((i) => i.id === 'd')!.alsoPublished).toBeUndefined();
  });

  it('shows a detached item on its own, even the story’s founder', () => {
    const out = collapseStories([
      item('a', 'gouvernement', '2026-11-01T00:00:00Z', { storyDetached: true }),
      item('b', 'noumea', '2026-11-02T00:00:00Z', { storyId: 'a' }),
      item('c', 'province-sud', '2026-11-03T00:00:00Z', { storyId: 'a' }),
    ]);
    expect(out).toHaveLength(2);
    expect(out.find((i) => i.id === 'b')!.alsoPublished).toEqual([
      { id: 'c', partnerId: 'province-sud', url: 'https://province-sud.nc/c' },
    ]);
  });
});
