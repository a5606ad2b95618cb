/**
 * The console's listing in memory, without a database: a story's other copies from the
 * index by story as items join, move, leave or are detached; the published counts per
 * source kept between two asks and recounted after any change of the rows.
 */
import { describe, expect, it } from 'vitest';
import { ListedRows, type ListedDoc } from '../../../hub/items/listed-rows.js';

function doc(id: string, extra: Partial<ListedDoc> = {}, day = 1): ListedDoc {
  return {
    _id: id,
    partnerId: extra.partnerId ?? 'koumac',
    sourceId: 'actus',
    title: `Titre ${id}`,
    url: `https://www.koumac.nc/${id}`,
    type: 'news',
    status: 'published',
    publishedAt: new Date(Date.UTC(2026, 10, day)),
    firstSeenAt: new Date(Date.UTC(2026, 10, day)),
    stats: { likes: 0, comments: 0 },
    revision: 1,
    ...extra,
  } as ListedDoc;
}

const ids = (members: { id: string }[]) => members.map((m) => m.id);

describe('ListedRows', () => {
  it("lists a story's other copies, newest first, and follows joins, moves, detachments and removals", () => {
    const rows = new ListedRows();
    rows.replaceAll([
      doc('founder', {}, 1),
      doc('a', { storyId: 'founder', partnerId: 'noumea' }, 3),
      doc('b', { storyId: 'founder', partnerId: 'bourail' }, 2),
      doc('other', { storyId: 'elsewhere' }, 4),
    ]);
    expect(ids(rows.storyMembers('founder', 'founder'))).toEqual(['a', 'b']);
    expect(ids(rows.storyMembers('founder', 'a'))).toEqual(['b', 'founder']);
    // b moves to another story (a newer revision), c joins, a is detached.
    rows.upsert(doc('b', { storyId: 'elsewhere', revision: 2 }, 2));
    rows.upsert(doc('c', { storyId: 'founder' }, 5));
    rows.upsert(doc('a', { storyId: 'founder', storyDetached: true, revision: 2 }, 3));
    expect(ids(rows.storyMembers('founder', 'founder'))).toEqual(['c']);
    expect(ids(rows.storyMembers('elsewhere', 'other'))).toEqual(['b']);
    rows.remove('c');
    expect(rows.storyMembers('founder', 'founder')).toEqual([]);
    rows.replaceAll([doc('founder'), doc('d', { storyId: 'founder' })]);
    expect(ids(rows.storyMembers('founder', 'd'))).toEqual(['founder']);
    expect(rows.storyMembers('elsewhere', 'x')).toEqual([]);
  });

  it('recounts the published items per source after any change of the rows', () => {
    const rows = new ListedRows();
    rows.replaceAll([doc('a'), doc('b'), doc('c', { partnerId: 'noumea' })]);
    expect(rows.countPublishedBySource('koumac').get('actus')).toBe(2);
    expect(rows.countPublishedBySource().get('actus')).toBe(3);
    rows.upsert(doc('b', { status: 'withdrawn', revision: 2 }));
    expect(rows.countPublishedBySource('koumac').get('actus')).toBe(1);
    rows.upsert(doc('d'));
    expect(rows.countPublishedBySource('koumac').get('actus')).toBe(2);
    rows.remove('a');
    expect(rows.countPublishedBySource('koumac').get('actus')).toBe(1);
    expect(rows.countPublishedBySource().get('actus')).toBe(2);
  });
});
