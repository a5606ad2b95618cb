/** Enclosures, Media RSS images and categories of one entry, from the raw nodes. */
import type { DraftItem } from '../shared/index.js';
import { attrsOf, childrenOf, listOf, textOf } from './entry-nodes.js';
import type { RawFeedEntry } from './parse.js';

type DraftEnclosure = NonNullable<DraftItem['enclosures']>[number];
type DraftImage = NonNullable<DraftItem['images']>[number];

/** Every RSS <enclosure>, Atom link rel="enclosure" and Media RSS content/thumbnail. */
export function collectEnclosures(entry: RawFeedEntry): DraftEnclosure[] {
  const media = [...mediaContents(entry), ...mediaThumbnails(entry)].map((node) =>
    fromAttributes(attrsOf(node), 'url', 'fileSize'),
  );
  return [...plainEnclosures(entry), ...media].filter((e): e is DraftEnclosure => e !== undefined);
}

/** RSS <enclosure> and Atom link rel="enclosure". */
function plainEnclosures(entry: RawFeedEntry): Array<DraftEnclosure | undefined> {
  const rss = listOf(entry.enclosures).map((node) => fromAttributes(attrsOf(node), 'url', 'length'));
  const atom = listOf(entry.links)
    .map(attrsOf)
    .filter((a) => a.rel === 'enclosure')
    .map((a) => fromAttributes(a, 'href', 'length'));
  return [...rss, ...atom];
}

/** Images in the order that decides the item image: image enclosures, media images, thumbnails. */
export function collectImages(entry: RawFeedEntry): DraftImage[] {
  const fromEnclosures = plainEnclosures(entry)
    .filter((e): e is DraftEnclosure => Boolean(e?.type?.startsWith('image/')))
    .map((e) => ({ url: e.url, type: e.type }));
  const fromMedia = mediaContents(entry)
    .filter((node) => {
      const a = attrsOf(node);
      return a.medium === 'image' || Boolean(a.type?.startsWith('image/'));
    })
    .map((node) => ({
      url: attrsOf(node).url,
      type: attrsOf(node).type,
      alt: textOf(childrenOf(node, 'media:description')[0]),
    }));
  const thumbnails = mediaThumbnails(entry).map((node) => ({ url: attrsOf(node).url }));
  return [...fromEnclosures, ...fromMedia, ...thumbnails].filter(
    (i): i is DraftImage => typeof i.url === 'string' && i.url !== '',
  );
}

/** Categories as strings: RSS text (with or without domain), Atom label or term, dc:subject. */
export function collectCategories(entry: RawFeedEntry): string[] {
  const categories = listOf(entry.rawCategories).map((node) => {
    const a = attrsOf(node);
    return a.label ?? a.term ?? textOf(node);
  });
  const subjects = listOf(entry.dcSubjects).map(textOf);
  return [...categories, ...subjects].filter((c): c is string => typeof c === 'string' && c.trim() !== '');
}

function mediaContents(entry: RawFeedEntry): unknown[] {
  return [...listOf(entry.mediaContents), ...listOf(entry.mediaGroups).flatMap((g) => childrenOf(g, 'media:content'))];
}

function mediaThumbnails(entry: RawFeedEntry): unknown[] {
  return [
    ...listOf(entry.mediaThumbnails),
    ...listOf(entry.mediaGroups).flatMap((g) => childrenOf(g, 'media:thumbnail')),
  ];
}

function fromAttributes(attrs: Record<string, string>, urlKey: string, lengthKey: string): DraftEnclosure | undefined {
  const url = attrs[urlKey];
  if (!url) return undefined;
  const enclosure: DraftEnclosure = { url };
  if (attrs.type) enclosure.type = attrs.type;
  if (attrs[lengthKey]) enclosure.length = attrs[lengthKey];
  if (attrs.title) enclosure.title = attrs.title;
  return enclosure;
}
