/** The shapes of the hub's public API that the widgets read (see the v1 contract). */

export interface ItemSummary {
  id: string;
  partnerId: string;
  partner?: { id: string; name: string };
  url: string;
  title: string;
  summary?: string;
  type: string;
  topics?: string[];
  publishedAt?: string;
  /** The partner's image; `key` is its copy on the hub (/images/<key>/<width>), the only one widgets load. */
  image?: { url: string; alt?: string; key?: string };
  /** When and where an event takes place (items of type event). */
  event?: { start: string; end?: string; place?: string };
  stats?: { likes: number; comments: number };
  snippet?: string;
}

export type Facets = Record<string, Record<string, number>>;

export interface ItemList {
  total: number;
  page: number;
  limit: number;
  items: ItemSummary[];
  facets?: Facets;
}

export interface Suggestion {
  text: string;
  kind: 'title' | 'term';
  itemId?: string;
}

export interface Reactions {
  likes: number;
  liked: boolean;
}

/** A comment as the API returns it: the shared schema's type (type-only, nothing is bundled). */
export type { Comment } from '../../schemas/index.js';
import type { Comment } from '../../schemas/index.js';

export interface CommentPage {
  total: number;
  comments: Comment[];
  nextCursor: string | null;
  /** Bound to the visitor key sent with the request; null without one. */
  formToken?: string | null;
  moderation?: 'pre' | 'post' | 'first-time';
  /** False when this page's origin may not like or comment (not in the partner's allowed origins). */
  writable?: boolean;
}
