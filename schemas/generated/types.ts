/* eslint-disable */
/**
 * DO NOT EDIT: generated from schemas/*.schema.json by `npm run gen:types`.
 * Change the JSON Schemas, then run the command again.
 */

/**
 * approve: published; reject: refused for good; hide: withdrawn from view until reviewed again.
 *
 * This interface was referenced by `ModerationInput`'s JSON-Schema
 * via the `definition` "ModerationAction".
 */
export type ModerationAction = 'approve' | 'reject' | 'hide';
/**
 * sud, nord or iles (Îles Loyauté).
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "Province".
 */
export type Province = 'sud' | 'nord' | 'iles';
/**
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "ItemType".
 */
export type ItemType = 'news' | 'event' | 'procedure' | 'service' | 'job' | 'publication' | 'alert';
/**
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "Audience".
 */
export type Audience = 'particuliers' | 'professionnels' | 'associations';
/**
 * pas-clair, incomplet, obsolete (obsolète ou erroné), hors-situation (ne correspond pas à ma situation), lien-casse.
 *
 * This interface was referenced by `FeedbackInput`'s JSON-Schema
 * via the `definition` "FeedbackReason".
 */
export type FeedbackReason =
  'pas-clair' | 'incomplet' | 'obsolete' | 'hors-situation' | 'lien-casse';
/**
 * This interface was referenced by `FlagInput`'s JSON-Schema
 * via the `definition` "FlagReason".
 */
export type FlagReason = 'spam' | 'offensive' | 'off-topic' | 'personal-data';
/**
 * @minItems 1
 * @maxItems 50
 *
 * This interface was referenced by `ItemInput`'s JSON-Schema
 * via the `definition` "LinkList".
 */
export type LinkList = [ItemLink, ...ItemLink[]];
/**
 * This interface was referenced by `Partner`'s JSON-Schema
 * via the `definition` "PartnerKind".
 */
export type PartnerKind = 'province' | 'commune' | 'state' | 'government' | 'public-body' | 'other';
/**
 * This interface was referenced by `SourceInput`'s JSON-Schema
 * via the `definition` "SourceKind".
 */
export type SourceKind = 'feed' | 'json-api' | 'comarquage';
/**
 * This interface was referenced by `TokenInput`'s JSON-Schema
 * via the `definition` "Role".
 */
export type Role = 'platform-admin' | 'partner-admin' | 'editor' | 'moderator';
/**
 * Where the citizen wrote it.
 */
export type SocialNetwork = 'facebook' | 'instagram' | 'x' | 'linkedin' | 'whatsapp' | 'autre';
/**
 * nouveau → a-l-etude (assigned) → accepte → publie (an item answers it) / refuse (public answer) / doublon (of another wish).
 *
 * This interface was referenced by `WishStatusInput`'s JSON-Schema
 * via the `definition` "WishStatus".
 */
export type WishStatus = 'nouveau' | 'a-l-etude' | 'accepte' | 'publie' | 'refuse' | 'doublon';

/**
 * Index of every schema, so that shared definitions are emitted once.
 */
export interface PasserelleSchemas {
  'bulk-moderation-input'?: BulkModerationInput;
  'comment-edit-input'?: CommentEditInput;
  'comment-input'?: CommentInput;
  comment?: Comment;
  common?: Common;
  'feedback-input'?: FeedbackInput;
  'flag-input'?: FlagInput;
  'item-input'?: ItemInput;
  item?: Item;
  'lab-input'?: LabInput;
  'moderation-input'?: ModerationInput;
  'mute-input'?: MuteInput;
  'official-reply-input'?: OfficialReplyInput;
  'online-service-input'?: OnlineServiceInput;
  'online-service'?: OnlineService;
  'partner-input'?: PartnerInput;
  partner?: Partner;
  run?: Run;
  'source-input'?: SourceInput;
  source?: Source;
  'synonym-input'?: SynonymInput;
  'token-input'?: TokenInput;
  'wish-agent-input'?: WishAgentInput;
  'wish-input'?: WishInput;
  'wish-status-input'?: WishStatusInput;
}
/**
 * Body of POST /api/v1/admin/comments/moderation: one action on several comments, each reported.
 */
export interface BulkModerationInput {
  /**
   * @minItems 1
   * @maxItems 100
   *
   * Items: This interface was referenced by `CommentInput`'s JSON-Schema
   * via the `definition` "CommentId".
   */
  ids: [string, ...string[]];
  action: ModerationAction;
  reason?: string;
}
/**
 * Body of PATCH /api/v1/comments/:id (with the Passerelle-Edit-Token header, within 15 minutes).
 */
export interface CommentEditInput {
  body: string;
}
/**
 * Body of POST /api/v1/items/:id/comments: a citizen's comment or reply, plain text.
 */
export interface CommentInput {
  /**
   * Pseudonym shown with the comment (2 to 40 characters once trimmed; no e-mail address).
   */
  author: string;
  /**
   * Plain text; HTML is shown as typed, never interpreted.
   */
  body: string;
  /**
   * The comment answered; a reply to a reply is attached to the top-level comment.
   */
  parentId?: string;
  /**
   * The formToken of GET /api/v1/items/:id/comments (valid from 3 s to 2 h after it was issued).
   */
  formToken: string;
  /**
   * Honeypot: must be absent or empty.
   */
  website?: string;
}
/**
 * A comment as the public API returns it. author and body are plain text, never HTML.
 */
export interface Comment {
  /**
   * This interface was referenced by `CommentInput`'s JSON-Schema
   * via the `definition` "CommentId".
   */
  id: string;
  parentId: string | null;
  author: string;
  body: string;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  createdAt: string;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  editedAt?: string;
  /**
   * A deleted comment kept as a placeholder for its replies: author and body are empty.
   */
  deleted?: true;
  /**
   * Only in the answer to its author (POST, PATCH): pending means awaiting moderation.
   */
  status?: 'published' | 'pending' | 'rejected' | 'hidden';
  official?: OfficialBadge;
  replies?: Comment[];
  repliesTotal?: number;
  repliesNextCursor?: string | null;
}
/**
 * Set on a partner's official reply.
 *
 * This interface was referenced by `Comment`'s JSON-Schema
 * via the `definition` "OfficialBadge".
 */
export interface OfficialBadge {
  partnerId: string;
  partnerName: string;
}
/**
 * Definitions shared by every Passerelle schema.
 */
export interface Common {
  [k: string]: unknown | undefined;
}
/**
 * Where an item or partner applies: the whole of New Caledonia, a province, or communes.
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "Territory".
 */
export interface Territory {
  scope: 'nc' | 'province' | 'commune';
  province?: Province;
  /**
   * @maxItems 33
   *
   * Items: INSEE code of a New Caledonian commune (988xx).
   *
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "CommuneCode".
   */
  communes?: string[];
}
/**
 * Body of POST /api/v1/items/:id/feedback: « Cette page vous a-t-elle été utile ? ». One answer per visitor and item, changeable.
 */
export interface FeedbackInput {
  useful: boolean;
  /**
   * What went wrong (only with useful: false).
   *
   * @maxItems 5
   */
  reasons?:
    | []
    | [FeedbackReason]
    | [FeedbackReason, FeedbackReason]
    | [FeedbackReason, FeedbackReason, FeedbackReason]
    | [FeedbackReason, FeedbackReason, FeedbackReason, FeedbackReason]
    | [FeedbackReason, FeedbackReason, FeedbackReason, FeedbackReason, FeedbackReason];
  /**
   * Optional free text, plain, at most 500 characters; never public.
   */
  text?: string;
  /**
   * The item's formToken, as given by GET /api/v1/items/:id/comments.
   */
  formToken: string;
  /**
   * Honeypot: must be absent or empty.
   */
  website?: string;
}
/**
 * Body of POST /api/v1/comments/:id/flags: why a visitor reports a comment.
 */
export interface FlagInput {
  reason: FlagReason;
}
/**
 * What every connector yields for one item, already normalized: plain-text title and summary, sanitized HTML content, absolute URLs.
 */
export interface ItemInput {
  /**
   * Stable id derived from sourceId and guid.
   */
  id: string;
  /**
   * Lower-case identifier: letters, digits and single hyphens.
   *
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "Slug".
   */
  partnerId: string;
  sourceId: string;
  guid: string;
  /**
   * The partner's own page for this item.
   */
  url: string;
  title: string;
  /**
   * Plain text, at most 300 characters, cut at a word.
   */
  summary?: string;
  /**
   * HTML sanitized by allow-list.
   */
  content?: string;
  type: ItemType;
  /**
   * @maxItems 30
   *
   * Items: Topic slug, e.g. emploi, sante, transports.
   *
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "Topic".
   */
  topics: string[];
  /**
   * The partner's own categories, as plain strings.
   *
   * @maxItems 50
   */
  categories?: string[];
  /**
   * Citizens' wording the source gives besides the text: questions it answers, titles of related pages, sigles with their meaning. Searched with a lower weight than the title; not displayed.
   *
   * @maxItems 100
   */
  keywords?: string[];
  /**
   * Kinds of local office that can help (DILA PivotLocal: mairie, prefecture, caf…): the portal shows the chosen commune's matching partner.
   *
   * @maxItems 20
   */
  localOffices?:
    | []
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ];
  serviceFacts?: ServiceFacts;
  links?: ItemLinks;
  audience: Audience[];
  territory: Territory;
  language: string;
  author?: string;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  publishedAt?: string;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  updatedAt?: string;
  event?: EventInfo;
  image?: Image;
  /**
   * @maxItems 20
   */
  enclosures?:
    | []
    | [Enclosure]
    | [Enclosure, Enclosure]
    | [Enclosure, Enclosure, Enclosure]
    | [Enclosure, Enclosure, Enclosure, Enclosure]
    | [Enclosure, Enclosure, Enclosure, Enclosure, Enclosure]
    | [Enclosure, Enclosure, Enclosure, Enclosure, Enclosure, Enclosure]
    | [Enclosure, Enclosure, Enclosure, Enclosure, Enclosure, Enclosure, Enclosure]
    | [Enclosure, Enclosure, Enclosure, Enclosure, Enclosure, Enclosure, Enclosure, Enclosure]
    | [
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure
      ]
    | [
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure
      ]
    | [
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure
      ]
    | [
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure
      ]
    | [
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure
      ]
    | [
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure
      ]
    | [
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure
      ]
    | [
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure
      ]
    | [
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure
      ]
    | [
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure
      ]
    | [
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure
      ]
    | [
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure,
        Enclosure
      ];
  /**
   * sha256 (hex) of the normalized fields above.
   */
  contentHash: string;
}
/**
 * What an entry of a source of online services says of itself (json-api mapping).
 */
export interface ServiceFacts {
  accountRequired?: boolean;
  cost?: string;
  duration?: string;
}
/**
 * Blocks of links a source gives besides its text (services: online services and forms; questions: questions it answers elsewhere, as citizens ask them; seeAlso; moreInfo; references: legal texts), kept structured rather than flattened into the content (DILA fiches: « Services en ligne et formulaires », « Questions ? Réponses ! », « Voir aussi », « Pour en savoir plus », « Textes de référence »). Online services become registry entries later (issue 14).
 *
 * This interface was referenced by `ItemInput`'s JSON-Schema
 * via the `definition` "ItemLinks".
 */
export interface ItemLinks {
  services?: LinkList;
  questions?: LinkList;
  seeAlso?: LinkList;
  moreInfo?: LinkList;
  references?: LinkList;
}
/**
 * This interface was referenced by `ItemInput`'s JSON-Schema
 * via the `definition` "ItemLink".
 */
export interface ItemLink {
  title: string;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "HttpUrl".
   */
  url: string;
  /**
   * What the link leads to, in the source's words: « Téléservice », « Formulaire », « Simulateur »…
   */
  kind?: string;
}
/**
 * This interface was referenced by `ItemInput`'s JSON-Schema
 * via the `definition` "EventInfo".
 */
export interface EventInfo {
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  start: string;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  end?: string;
  place?: string;
}
/**
 * This interface was referenced by `ItemInput`'s JSON-Schema
 * via the `definition` "Image".
 */
export interface Image {
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "HttpUrl".
   */
  url: string;
  alt?: string;
  type?: string;
}
/**
 * This interface was referenced by `ItemInput`'s JSON-Schema
 * via the `definition` "Enclosure".
 */
export interface Enclosure {
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "HttpUrl".
   */
  url: string;
  type?: string;
  length?: number;
  title?: string;
}
/**
 * This interface was referenced by `ItemInput`'s JSON-Schema
 * via the `definition` "ServiceFacts".
 */
export interface ServiceFacts1 {
  accountRequired?: boolean;
  cost?: string;
  duration?: string;
}
/**
 * A stored item, as the API returns it: the connector's ItemInput plus the hub's own bookkeeping.
 */
export interface Item {
  id: string;
  partnerId: string;
  sourceId: string;
  guid: string;
  url: string;
  title: string;
  summary?: string;
  content?: string;
  type: ItemType;
  topics: string[];
  categories?: string[];
  /**
   * Citizens' wording from the source (questions, related titles, sigles), searched with a lower weight than the title.
   */
  keywords?: string[];
  localOffices?: string[];
  serviceFacts?: ServiceFacts1;
  links?: ItemLinks;
  audience: Audience[];
  territory: Territory;
  language: string;
  author?: string;
  /**
   * Every partner that wrote the item together in an open lab, the lead (partnerId) first. Absent on items of a single partner.
   */
  coAuthors?: string[];
  /**
   * The story this item tells with other partners' items: the id of the item that founded it. Absent on an item that is a story of its own.
   */
  storyId?: string;
  /**
   * Its partner took it out of a wrong story: it is never grouped again.
   */
  storyDetached?: boolean;
  /**
   * Public dated notes of the later publications of a lab's item, oldest first.
   */
  changeNotes?: {
    /**
     * This interface was referenced by `Common`'s JSON-Schema
     * via the `definition` "DateTime".
     */
    date: string;
    note: string;
  }[];
  /**
   * Concerned partners that have not approved the published revision (forced publication): shown as « non relu par ».
   */
  unreviewedBy?: string[];
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  publishedAt?: string;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  updatedAt?: string;
  event?: EventInfo;
  image?: ServedImage;
  enclosures?: Enclosure[];
  contentHash: string;
  status: 'published' | 'withdrawn';
  revision: number;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  firstSeenAt: string;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  lastSeenAt: string;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  withdrawnAt?: string;
  /**
   * agent: withdrawn by the partner's agent in the console (ingestion leaves it withdrawn until an agent restores it); absent: by its source.
   */
  withdrawnBy?: 'agent';
  readability?: Readability;
  stats: {
    likes: number;
    comments: number;
  };
}
/**
 * The item's image: the partner's address and text, and its copy on the hub (GET /images/{key}/{width}).
 *
 * This interface was referenced by `Item`'s JSON-Schema
 * via the `definition` "ServedImage".
 */
export interface ServedImage {
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "HttpUrl".
   */
  url: string;
  alt?: string;
  type?: string;
  /**
   * The image through the hub: GET /images/{key}/{width}, width 160, 320, 480, 640, 960 or 1280 (widgets and pages use it, never url).
   */
  key?: string;
}
/**
 * French readability of the content (or the summary), computed by the hub at ingestion: Kandel & Moles' adaptation of Flesch, with the sentence and word lengths it rests on (docs/readability.md). Absent when the item has no text.
 */
export interface Readability {
  formula: 'kandel-moles';
  /**
   * 207 − 1.015 × words per sentence − 73.6 × syllables per word; higher is easier.
   */
  score: number;
  sentences: number;
  words: number;
  syllables: number;
  wordsPerSentence: number;
  syllablesPerWord: number;
  lettersPerWord: number;
  /**
   * Sentences of more than 25 words.
   */
  longSentences: number;
}
/**
 * This interface was referenced by `Item`'s JSON-Schema
 * via the `definition` "Readability".
 */
export interface Readability1 {
  formula: 'kandel-moles';
  /**
   * 207 − 1.015 × words per sentence − 73.6 × syllables per word; higher is easier.
   */
  score: number;
  sentences: number;
  words: number;
  syllables: number;
  wordsPerSentence: number;
  syllablesPerWord: number;
  lettersPerWord: number;
  /**
   * Sentences of more than 25 words.
   */
  longSentences: number;
}
/**
 * Body of POST /api/v1/admin/labs: an open lab where several partners write one content together. The first partner is the lead (the published item's partnerId).
 */
export interface LabInput {
  title: string;
  /**
   * The concerned partners, the lead first; two or more.
   *
   * @minItems 2
   * @maxItems 45
   *
   * Items: Lower-case identifier: letters, digits and single hyphens.
   *
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "Slug".
   */
  partnerIds: [string, string, ...string[]];
  type?: ItemType;
  audience?: Audience[];
  /**
   * @maxItems 20
   *
   * Items: Topic slug, e.g. emploi, sante, transports.
   *
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "Topic".
   */
  topics?:
    | []
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ];
  territory?: Territory;
  /**
   * The day the content should be ready (YYYY-MM-DD).
   */
  dueDate?: string;
  /**
   * The citizens' wish this lab answers.
   */
  wishId?: string;
}
/**
 * A save: the whole Markdown document and the revision it started from.
 *
 * This interface was referenced by `LabInput`'s JSON-Schema
 * via the `definition` "LabRevisionInput".
 */
export interface LabRevisionInput {
  body: string;
  baseRevision: number;
  /**
   * A short change note.
   */
  note?: string;
}
/**
 * This interface was referenced by `LabInput`'s JSON-Schema
 * via the `definition` "LabApprovalInput".
 */
export interface LabApprovalInput {
  revision: number;
}
/**
 * Publish the latest revision. force (platform admins) publishes without every approval and needs a reason; note is the public change note of a later publication.
 *
 * This interface was referenced by `LabInput`'s JSON-Schema
 * via the `definition` "LabPublishInput".
 */
export interface LabPublishInput {
  force?: boolean;
  reason?: string;
  note?: string;
}
/**
 * Ask the concerned partners to review (en-relecture), abandon, or take an abandoned lab back (brouillon).
 *
 * This interface was referenced by `LabInput`'s JSON-Schema
 * via the `definition` "LabStatusInput".
 */
export interface LabStatusInput {
  status: 'brouillon' | 'en-relecture' | 'abandonne';
}
/**
 * This interface was referenced by `LabInput`'s JSON-Schema
 * via the `definition` "LabCommentInput".
 */
export interface LabCommentInput {
  body: string;
  /**
   * The slug of the section commented (from the document's headings).
   */
  section?: string;
  parentId?: string;
}
/**
 * This interface was referenced by `LabInput`'s JSON-Schema
 * via the `definition` "LabResolutionInput".
 */
export interface LabResolutionInput {
  resolved: boolean;
}
/**
 * An outside expert invited to read and comment through a link (14 days, revocable).
 *
 * This interface was referenced by `LabInput`'s JSON-Schema
 * via the `definition` "LabReviewerInput".
 */
export interface LabReviewerInput {
  name: string;
  email?: string;
}
/**
 * This interface was referenced by `LabInput`'s JSON-Schema
 * via the `definition` "LabMembershipDecision".
 */
export interface LabMembershipDecision {
  accept: boolean;
}
/**
 * Body of POST /api/v1/admin/comments/:id/moderation.
 */
export interface ModerationInput {
  action: ModerationAction;
  /**
   * Why, kept in the moderation log.
   */
  reason?: string;
}
/**
 * Body of POST /api/v1/admin/comments/:id/mute: the comment's author may not comment on this partner's items for a while.
 */
export interface MuteInput {
  /**
   * How long, from 1 hour to a year (8,760 hours).
   */
  hours: number;
  reason?: string;
}
/**
 * Body of POST /api/v1/admin/comments/:id/replies: the partner's own answer, published at once.
 */
export interface OfficialReplyInput {
  body: string;
}
/**
 * Body of POST /api/v1/admin/services: an online service (démarche en ligne) of a partner. PATCH takes the same fields, all optional, except partnerId.
 */
export interface OnlineServiceInput {
  /**
   * Lower-case identifier: letters, digits and single hyphens.
   *
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "Slug".
   */
  partnerId: string;
  name: string;
  /**
   * What the service lets a citizen do, in one or two sentences.
   */
  description?: string;
  /**
   * Where the service is: a public http(s) address (private, local and reserved addresses are refused).
   */
  url: string;
  audience?: Audience[];
  territory?: Territory;
  /**
   * @maxItems 30
   *
   * Items: Topic slug, e.g. emploi, sante, transports.
   *
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "Topic".
   */
  topics?: string[];
  /**
   * Words citizens use for it (searched, not shown).
   *
   * @maxItems 50
   */
  keywords?: string[];
  /**
   * The partner's own account is needed to use the service.
   */
  accountRequired?: boolean;
  /**
   * What it costs, as said to citizens (« Gratuit », « 3 000 F CFP »).
   */
  cost?: string;
  /**
   * Typical time to complete or to get an answer (« 10 minutes », « 15 jours »).
   */
  duration?: string;
  /**
   * Items (procedure pages) this service belongs to.
   *
   * @maxItems 100
   */
  itemIds?: string[];
  status?: 'active' | 'withdrawn';
}
/**
 * An online service of the registry, as the API returns it. origin says who feeds it: an editor, the « Services en ligne et formulaires » of a DILA fiche, or a source whose entries are services.
 */
export interface OnlineService {
  id: string;
  partnerId: string;
  name: string;
  description?: string;
  url: string;
  /**
   * The portal's counted way out to the service: /sortie/:id.
   */
  exitUrl?: string;
  /**
   * Set when the link check found the address broken (two failed checks in a row): since when.
   */
  unavailableSince?: string;
  audience: Audience[];
  territory: Territory;
  topics: string[];
  keywords: string[];
  accountRequired?: boolean;
  cost?: string;
  duration?: string;
  /**
   * Who runs the service when it is not the partner (from DILA: « Pôle emploi »).
   */
  provider?: string;
  /**
   * DILA's kind of link: « Téléservice », « Formulaire », « Simulateur »…
   */
  kind?: string;
  itemIds: string[];
  origin: ServiceOrigin;
  status: 'active' | 'withdrawn';
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  createdAt: string;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  updatedAt: string;
}
/**
 * This interface was referenced by `OnlineService`'s JSON-Schema
 * via the `definition` "ServiceOrigin".
 */
export interface ServiceOrigin {
  /**
   * editor: written in the console or the API; fiche: a DILA fiche's online services; source: a source whose entries are services.
   */
  kind: 'editor' | 'fiche' | 'source';
  sourceId?: string;
  /**
   * The source's own identifier of the service (DILA R…, or the entry's guid).
   */
  ref?: string;
}
/**
 * Body of POST /api/v1/admin/partners. PATCH takes the same fields, all optional, except id.
 */
export interface PartnerInput {
  /**
   * Lower-case identifier: letters, digits and single hyphens.
   *
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "Slug".
   */
  id: string;
  name: string;
  shortName?: string;
  kind: PartnerKind;
  description?: string;
  territory?: PartnerTerritory;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "HttpUrl".
   */
  website?: string;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "HttpUrl".
   */
  logo?: string;
  /**
   * @maxItems 20
   */
  contacts?:
    | []
    | [Contact]
    | [Contact, Contact]
    | [Contact, Contact, Contact]
    | [Contact, Contact, Contact, Contact]
    | [Contact, Contact, Contact, Contact, Contact]
    | [Contact, Contact, Contact, Contact, Contact, Contact]
    | [Contact, Contact, Contact, Contact, Contact, Contact, Contact]
    | [Contact, Contact, Contact, Contact, Contact, Contact, Contact, Contact]
    | [Contact, Contact, Contact, Contact, Contact, Contact, Contact, Contact, Contact]
    | [Contact, Contact, Contact, Contact, Contact, Contact, Contact, Contact, Contact, Contact]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ];
  office?: Office;
  status?: 'active' | 'inactive';
  /**
   * @maxItems 50
   *
   * Items: A web origin: scheme, host and optional port, no path.
   *
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "Origin".
   */
  allowedOrigins?: string[];
  moderation?: ModerationSettings;
}
/**
 * This interface was referenced by `Partner`'s JSON-Schema
 * via the `definition` "PartnerTerritory".
 */
export interface PartnerTerritory {
  province?: Province;
  /**
   * INSEE code of a New Caledonian commune (988xx).
   *
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "CommuneCode".
   */
  communeCode?: string;
}
/**
 * This interface was referenced by `Partner`'s JSON-Schema
 * via the `definition` "Contact".
 */
export interface Contact {
  name?: string;
  role?: string;
  email: string;
  phone?: string;
}
/**
 * Where and when the partner receives the public: the contact card of « Qui peut m'aider ? ». Public.
 *
 * This interface was referenced by `Partner`'s JSON-Schema
 * via the `definition` "Office".
 */
export interface Office {
  /**
   * « Hôtel de ville de Nouméa », « Mairie de Bélep ».
   */
  name?: string;
  /**
   * Street address, one line per line (no commune).
   */
  address?: string;
  postalCode?: string;
  city?: string;
  /**
   * Postal box when letters go elsewhere (« BP K1, 98849 Nouméa Cedex »).
   */
  postalAddress?: string;
  phone?: string;
  email?: string;
  /**
   * Opening hours in the OpenStreetMap opening_hours syntax (« Mo-Fr 07:30-11:30,12:15-16:00 »), read in Pacific/Noumea time.
   */
  openingHours?: string;
  /**
   * What the syntax cannot say (« fermé les jours fériés », « permanence le 1er samedi »).
   */
  hoursNote?: string;
  geo?: {
    lat: number;
    lon: number;
  };
  /**
   * A map of the place; by default one is made from geo or from the address.
   */
  mapUrl?: string;
}
/**
 * This interface was referenced by `Partner`'s JSON-Schema
 * via the `definition` "ModerationSettings".
 */
export interface ModerationSettings {
  /**
   * pre: pending until approved; post: published at once; first-time: pending until the visitor has one approved comment.
   */
  mode: 'pre' | 'post' | 'first-time';
}
/**
 * A member of the federation: province, commune, the State, the Government or a public body.
 */
export interface Partner {
  /**
   * Lower-case identifier: letters, digits and single hyphens.
   *
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "Slug".
   */
  id: string;
  name: string;
  shortName?: string;
  kind: PartnerKind;
  description?: string;
  territory: PartnerTerritory;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "HttpUrl".
   */
  website?: string;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "HttpUrl".
   */
  logo?: string;
  /**
   * @maxItems 20
   */
  contacts:
    | []
    | [Contact]
    | [Contact, Contact]
    | [Contact, Contact, Contact]
    | [Contact, Contact, Contact, Contact]
    | [Contact, Contact, Contact, Contact, Contact]
    | [Contact, Contact, Contact, Contact, Contact, Contact]
    | [Contact, Contact, Contact, Contact, Contact, Contact, Contact]
    | [Contact, Contact, Contact, Contact, Contact, Contact, Contact, Contact]
    | [Contact, Contact, Contact, Contact, Contact, Contact, Contact, Contact, Contact]
    | [Contact, Contact, Contact, Contact, Contact, Contact, Contact, Contact, Contact, Contact]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ]
    | [
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact,
        Contact
      ];
  office?: Office;
  status: 'active' | 'inactive';
  /**
   * Origins allowed to embed widgets and post comments and likes.
   *
   * @maxItems 50
   *
   * Items: A web origin: scheme, host and optional port, no path.
   *
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "Origin".
   */
  allowedOrigins: string[];
  moderation: ModerationSettings;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  createdAt: string;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  updatedAt: string;
}
/**
 * The report of one run of a source.
 */
export interface Run {
  id: string;
  sourceId: string;
  partnerId: string;
  trigger?: 'schedule' | 'manual';
  /**
   * running while in progress (a crashed run stays so until its claim expires, about a minute, then failed with code interrupted); ok, partial (some items rejected, or a run budget reached: see notice) or failed at the end.
   */
  status: 'running' | 'ok' | 'partial' | 'failed';
  httpStatus?: number;
  error?: RunError;
  notice?: RunNotice;
  counts: {
    fetched: number;
    created: number;
    updated: number;
    unchanged: number;
    withdrawn: number;
    rejected: number;
  };
  /**
   * Items rejected by mapping or validation, with their reason (at most 100 kept).
   */
  itemErrors: {
    guid?: string;
    index?: number;
    reason: string;
    /**
     * The entry as the source gave it (JSON), cut at 2,000 characters; kept for the first rejections of a run only.
     */
    entry?: string;
  }[];
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  startedAt: string;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  finishedAt?: string;
  durationMs?: number;
  /**
   * The source answered 304 Not Modified: nothing was parsed or written.
   */
  notModified?: boolean;
}
/**
 * This interface was referenced by `Run`'s JSON-Schema
 * via the `definition` "RunError".
 */
export interface RunError {
  /**
   * Stable failure code: timeout, dns, connection, tls, http_3xx, http_4xx, http_429, http_5xx, too_large, too_many_redirects, forbidden_address, bad_format, bad_config, interrupted, internal.
   */
  code: string;
  message: string;
  httpStatus?: number;
}
/**
 * Why a run that did not fail is partial although nothing was rejected: a budget of the run was reached (what was read is kept, nothing is withdrawn).
 *
 * This interface was referenced by `Run`'s JSON-Schema
 * via the `definition` "RunNotice".
 */
export interface RunNotice {
  code: 'max_items' | 'max_bytes';
  /**
   * French sentence for the partner's agents.
   */
  message: string;
}
/**
 * Body of POST /api/v1/admin/sources (and of the unsaved preview). PATCH takes the same fields, all optional.
 */
export interface SourceInput {
  /**
   * Lower-case identifier: letters, digits and single hyphens.
   *
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "Slug".
   */
  partnerId: string;
  kind: SourceKind;
  name?: string;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "HttpUrl".
   */
  url: string;
  /**
   * What the hub must send to reach the partner's API: headers, query-string keys, or a user and password (Basic). Stored encrypted apart from the address, sent only to the address's own origin, never returned (the Source shows them masked). A user and password written in the address (https://user:password@host/…) and query parameters that look like keys (api_key, token…) are moved here. PATCH: absent keeps them, null removes them, an object replaces them, where the masked value •••••• keeps the stored value of that name.
   */
  credentials?: SourceCredentials | null;
  /**
   * Cron expression (5 or 6 fields), evaluated in Pacific/Noumea. Default: every 30 minutes.
   */
  schedule?: string;
  /**
   * Default true.
   */
  enabled?: boolean;
  /**
   * The source lists everything it publishes, so an item missing from a run is withdrawn. Default: false (true for a comarquage archive).
   */
  complete?: boolean;
  /**
   * What the source's entries are: items (default) or online services for the registry (json-api and feed sources).
   */
  entries?: 'items' | 'services';
  defaults?: ItemDefaults;
  mapping?: JsonApiMapping;
}
/**
 * This interface was referenced by `SourceInput`'s JSON-Schema
 * via the `definition` "SourceCredentials".
 */
export interface SourceCredentials {
  /**
   * Request headers, e.g. {"Authorization": "Bearer …"} or {"X-Api-Key": "…"}.
   */
  headers?: {
    [k: string]: string | undefined;
  };
  /**
   * Query-string parameters added to every request to the address's origin, e.g. {"api_key": "…"}.
   */
  query?: {
    [k: string]: string | undefined;
  };
  /**
   * HTTP Basic user (with password).
   */
  username?: string;
  /**
   * HTTP Basic password.
   */
  password?: string;
}
/**
 * Values given to every item of the source that does not carry its own.
 *
 * This interface was referenced by `SourceInput`'s JSON-Schema
 * via the `definition` "ItemDefaults".
 */
export interface ItemDefaults {
  type?: ItemType;
  /**
   * @maxItems 30
   *
   * Items: Topic slug, e.g. emploi, sante, transports.
   *
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "Topic".
   */
  topics?: string[];
  audience?: Audience[];
  territory?: Territory;
  language?: string;
}
/**
 * json-api only: where the items are and which field feeds which Item field.
 *
 * This interface was referenced by `SourceInput`'s JSON-Schema
 * via the `definition` "JsonApiMapping".
 */
export interface JsonApiMapping {
  /**
   * Path to the array of items; empty or absent when the body is the array.
   */
  itemsPath?: string;
  /**
   * title, or a text (summary or content) to derive the title from: its first sentence.
   */
  fields: {
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    guid?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    url?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    title?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    summary?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    content?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    publishedAt?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    updatedAt?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    image?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    imageAlt?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    type?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    topics?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    categories?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    author?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    eventStart?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    eventEnd?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    eventPlace?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    communes?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    keywords?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    accountRequired?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    cost?: string;
    /**
     * Where a value is in one API item: a dotted path (a.b.0.c) or a JSON Pointer (/a/b/0/c).
     *
     * This interface was referenced by `SourceInput`'s JSON-Schema
     * via the `definition` "FieldPath".
     */
    duration?: string;
  };
  /**
   * Builds the item's page URL when the API gives none, e.g. https://example.nc/actualites/{id}; {field} is a path into the item.
   */
  urlTemplate?: string;
  constants?: ItemDefaults;
  /**
   * Date patterns tried in order before the standard ones, e.g. dd/MM/yyyy HH:mm.
   *
   * @maxItems 10
   */
  dateFormats?:
    | []
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string];
  pagination?: Pagination;
}
/**
 * This interface was referenced by `SourceInput`'s JSON-Schema
 * via the `definition` "Pagination".
 */
export interface Pagination {
  type: 'page' | 'offset' | 'next';
  /**
   * Query parameter carrying the page number or offset (default page / offset).
   */
  param?: string;
  /**
   * First page number (default 1) or first offset (default 0).
   */
  start?: number;
  /**
   * Query parameter carrying the page size, when the API takes one.
   */
  sizeParam?: string;
  /**
   * Page size (default 50).
   */
  size?: number;
  /**
   * type next: path to the next page's URL in the body.
   */
  nextPath?: string;
  /**
   * Page cap (default 20).
   */
  maxPages?: number;
}
/**
 * A stored source: its configuration and its fetch state, as admins see it.
 */
export interface Source {
  id: string;
  partnerId: string;
  kind: SourceKind;
  name?: string;
  url: string;
  /**
   * The source has credentials (credentials shows which, masked).
   */
  hasCredentials?: boolean;
  credentials?: MaskedCredentials;
  schedule: string;
  enabled: boolean;
  /**
   * The source lists everything it publishes (items missing from a run are withdrawn). Absent: the connector decides — true for a DILA archive, false otherwise.
   */
  complete?: boolean;
  /**
   * What the source's entries are: items (default) or online services for the registry (json-api and feed sources).
   */
  entries?: 'items' | 'services';
  defaults?: ItemDefaults;
  mapping?: JsonApiMapping;
  state: SourceState;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  createdAt: string;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  updatedAt: string;
}
/**
 * The source's credentials, every value masked as ••••••: only their names are shown.
 */
export interface MaskedCredentials {
  headers?: {
    [k: string]: '••••••' | undefined;
  };
  query?: {
    [k: string]: '••••••' | undefined;
  };
  username?: '••••••';
  password?: '••••••';
}
/**
 * This interface was referenced by `Source`'s JSON-Schema
 * via the `definition` "SourceState".
 */
export interface SourceState {
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  lastRunAt?: string;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  lastSuccessAt?: string;
  lastStatus?: 'ok' | 'partial' | 'failed';
  lastError?: RunError;
  consecutiveFailures: number;
  /**
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "DateTime".
   */
  nextRunAt?: string;
  /**
   * Set after 3 consecutive failures, shown to the partner's admins; cleared by the next success.
   */
  alert?: {
    /**
     * This interface was referenced by `Common`'s JSON-Schema
     * via the `definition` "DateTime".
     */
    since: string;
    message: string;
  };
  lastRunId?: string;
  lastHttpStatus?: number;
  /**
   * Published items of the source at the end of its last run that read it.
   */
  itemCount?: number;
  /**
   * Validator of the last complete fetch, sent as If-None-Match.
   */
  etag?: string;
  /**
   * Validator of the last complete fetch, sent as If-Modified-Since.
   */
  lastModified?: string;
}
/**
 * This interface was referenced by `Source`'s JSON-Schema
 * via the `definition` "MaskedCredentials".
 */
export interface MaskedCredentials1 {
  headers?: {
    [k: string]: '••••••' | undefined;
  };
  query?: {
    [k: string]: '••••••' | undefined;
  };
  username?: '••••••';
  password?: '••••••';
}
/**
 * Body of POST and PUT /api/v1/admin/search/synonyms: words or phrases that search treats as the same (or, oneWay, the first expanding to the others). Applied at query time: no re-index.
 */
export interface SynonymInput {
  /**
   * Words or phrases (« mutuelle », « complémentaire santé »); accents, case and plurals do not matter.
   *
   * @minItems 2
   * @maxItems 20
   */
  terms:
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ];
  /**
   * The first term expands to the others, not the reverse (« arrêt maladie » → « indemnités journalières »). Default false.
   */
  oneWay?: boolean;
}
/**
 * Body of POST /api/v1/admin/tokens: a bearer token for a person or a system.
 */
export interface TokenInput {
  name: string;
  role: Role;
  /**
   * Lower-case identifier: letters, digits and single hyphens.
   */
  partnerId?: string;
}
/**
 * Body of POST /api/v1/admin/wishes: a wish an agent enters on a citizen's behalf, collected in a social-network comment.
 */
export interface WishAgentInput {
  title: string;
  body: string;
  commune?: string;
  audience?: Audience;
  /**
   * Topic slug, e.g. emploi, sante, transports.
   *
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "Topic".
   */
  topic?: string;
  campaign?: string;
  network: SocialNetwork;
  /**
   * Link to the post or comment.
   */
  postUrl: string;
}
/**
 * Body of POST /api/v1/wishes: a citizen's wish for new content, plain text, without an account.
 */
export interface WishInput {
  /**
   * What is missing, in one line (5 to 140 characters once trimmed).
   */
  title: string;
  /**
   * Why and for whom; plain text, shown as typed (at most 2,000 characters).
   */
  body: string;
  /**
   * The formToken of GET /api/v1/wishes (valid from 3 s to 2 h after it was issued).
   */
  formToken: string;
  /**
   * Optional address for follow-up: a confirmation link is sent first (double opt-in); never shown, erased on unsubscribe or 90 days after the wish is closed.
   */
  email?: string;
  /**
   * INSEE code of the commune concerned (98801 to 98833).
   */
  commune?: string;
  audience?: Audience;
  /**
   * Topic slug, e.g. emploi, sante, transports.
   *
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "Topic".
   */
  topic?: string;
  /**
   * The `campagne` parameter of the page the form was opened from (which social post brought it).
   */
  campaign?: string;
  /**
   * Honeypot: must be absent or empty.
   */
  website?: string;
}
/**
 * Body of POST /api/v1/admin/wishes/:id/status: a partner's signed, dated step in a wish's life.
 */
export interface WishStatusInput {
  status: WishStatus;
  /**
   * Public answer, plain text (required for refuse).
   */
  answer?: string;
  /**
   * Partners the wish is assigned to (a-l-etude).
   *
   * @minItems 1
   * @maxItems 10
   */
  partnerIds?:
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string];
  /**
   * The wish this one duplicates (required for doublon).
   */
  duplicateOf?: string;
  /**
   * The published item that answers the wish (required for publie).
   */
  itemId?: string;
  /**
   * Topic slug, e.g. emploi, sante, transports.
   *
   * This interface was referenced by `Common`'s JSON-Schema
   * via the `definition` "Topic".
   */
  topic?: string;
}
