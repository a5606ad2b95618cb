/**
 * Shows each story once: of the published items that tell it, the earliest published (its
 * publishedAt, else when first seen; then the smaller id) stands for it and lists the
 * others. Earliest rather than "most complete": it is the original, the others relay it.
 */
import type { StoryMemberRef } from '../search/index.js';

interface Collapsible {
  id: string;
  partnerId: string;
  url: string;
  storyId?: string;
  storyDetached?: boolean;
  publishedAt?: string;
  firstSeenAt?: string;
}

function dateOf(item: Collapsible): string {
  return item.publishedAt ?? item.firstSeenAt ?? '';
}

function isEarlier(a: Collapsible, b: Collapsible): boolean {
  const [da, db] = [Date.parse(dateOf(a)) || Infinity, Date.parse(dateOf(b)) || Infinity];
  return da !== db ? da < db : a.id < b.id;
}

/** The representatives, each with `alsoPublished` (the other members) when it has some. */
export function collapseStories<T extends Collapsible>(items: T[]): (T & { alsoPublished?: StoryMemberRef[] })[] {
  const stories = new Map<string, T[]>();
  for (const item of items) {
    const key = item.storyDetached ? `item:${item.id}` : `story:${item.storyId ?? item.id}`;
    const members = stories.get(key);
    if (members) members.push(item);
    else stories.set(key, [item]);
  }
  const out: (T & { alsoPublished?: StoryMemberRef[] })[] = [];
  for (const members of stories.values()) {
    if (members.length === 1) {
      out.push(members[0]!);
      continue;
    }
    const first = members.reduce((best, m) => (isEarlier(m, best) ? m : best));
    const others = members.filter((m) => m !== first).map((m) => ({ id: m.id, partnerId: m.partnerId, url: m.url }));
    out.push({ ...first, alsoPublished: others });
  }
  return out;
}
