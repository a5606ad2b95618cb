/**
 * Who may do what in the console: one table from roles to capabilities, checked on the
 * server for every screen and action (the navigation only hides what the table refuses).
 */
import type { Role } from '../schemas/index.js';

export type Capability =
  /** À traiter and notifications: every agent. */
  | 'home'
  /** Sources: list, create, edit, run, delete. */
  | 'sources'
  /** Contenus: read the partner's items, their likes and comments. */
  | 'contents'
  /** Withdraw and restore items (later: write labs and online services). */
  | 'contents.write'
  /** Modération: queue, actions, replies, mutes, log. */
  | 'moderation'
  /** The partner's page: snippets, feeds. */
  | 'partner'
  /** Edit the partner: allowed origins, moderation mode, contacts. */
  | 'partner.write'
  /** Comptes et jetons. */
  | 'accounts'
  /** The journal of changes. */
  | 'audit'
  /** The search's synonyms: the whole platform's. */
  | 'search'
  /** Souhaits: list and read wishes, enter one on a citizen's behalf. */
  | 'wishes'
  /** Approve, reject or hide a wish. */
  | 'wishes.moderate'
  /** Take steps: assign, accept, publish, refuse, duplicate, with the public answer. */
  | 'wishes.answer'
  /** Avis sur les pages, lisibilité and recherches sans réponse: what citizens tell about the content. */
  | 'feedback'
  /** Démarches en ligne: the partner's online services and their exits. */
  | 'services'
  /** Ateliers: read every lab; writing is the labs domain's rule (hub/labs/access.ts). */
  | 'labs';

const ALL: Capability[] = [
  'home',
  'sources',
  'contents',
  'contents.write',
  'moderation',
  'partner',
  'partner.write',
  'accounts',
  'audit',
  'wishes',
  'wishes.moderate',
  'wishes.answer',
  'feedback',
  'services',
  'labs',
];

export const CAPABILITIES: Readonly<Record<Role, readonly Capability[]>> = {
  'platform-admin': [...ALL, 'search'],
  'partner-admin': ALL,
  // As the admin API: partner records and widget code are a partner admin's, and a
  // moderator sees comments (and wishes to moderate). Editors answer wishes: the content is theirs.
  // Every agent reads labs and comments on them (hub/labs/access.ts decides who writes).
  editor: ['home', 'contents', 'contents.write', 'wishes', 'wishes.answer', 'feedback', 'services', 'labs'],
  moderator: ['home', 'moderation', 'wishes', 'wishes.moderate', 'labs'],
};

export function can(role: Role, capability: Capability): boolean {
  return CAPABILITIES[role].includes(capability);
}

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  'platform-admin': 'Administrateur de la plateforme',
  'partner-admin': 'Administrateur du partenaire',
  editor: 'Rédacteur',
  moderator: 'Modérateur',
};
