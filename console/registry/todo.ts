/**
 * « À traiter »: the list of what awaits an agent, made of providers, one per kind of
 * matter. A provider says who sees it (a capability), how many things await (for the
 * navigation's counter) and the first rows. Later issues add theirs (wishes, labs, broken
 * links) to TODO_PROVIDERS; console/README.md says how.
 */
import type { Capability } from '../access.js';
import type { ConsoleDeps } from '../deps.js';
import type { Viewer } from '../http/viewer.js';
import { commentsAwaitingModeration } from './todo-comments.js';
import { brokenLinks } from './todo-links.js';
import { labsAwaitingApproval } from './todo-labs.js';
import { failingSources } from './todo-sources.js';
import { wishesAwaiting } from './todo-wishes.js';

export interface TodoRow {
  /** What the matter is about: a source's name, a comment's author and item. */
  title: string;
  /** Where it is handled. */
  href: string;
  /** Why it awaits, in French. */
  reason: string;
  /** For platform admins, who see every partner. */
  partnerName?: string;
  /** Since when (an ISO date). */
  since?: string;
  /** alert rows come first and are marked as such. */
  severity: 'alert' | 'info';
}

export interface TodoContext {
  viewer: Viewer;
  deps: ConsoleDeps;
  /** The partner shown: the agent's, or undefined for a platform admin (every partner). */
  partnerId: string | undefined;
  /** The partner's name by id. */
  partnerName(id: string): string;
}

export interface TodoProvider {
  id: string;
  /** The section's heading: « Sources en échec ». */
  title: string;
  capability: Capability;
  /** How many things await (cheap: it runs on every page, for the counter). */
  count(ctx: TodoContext): Promise<number>;
  /** The first `limit` rows, most urgent first. */
  rows(ctx: TodoContext, limit: number): Promise<TodoRow[]>;
  /** Where the whole list is. */
  more?: { label: string; href: string };
}

/** In order: the matters that block content (failing sources) first. */
export const TODO_PROVIDERS: readonly TodoProvider[] = [
  failingSources,
  brokenLinks,
  commentsAwaitingModeration,
  labsAwaitingApproval,
  wishesAwaiting,
];
