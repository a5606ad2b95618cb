/**
 * Every string a citizen reads in the widgets, in French (the default) and English.
 * Plural forms are "singular|plural"; {name} marks a value filled in by `translate`.
 */
// The rules themselves (spaceFrench), not the server's copy that holds its results: the bundle stays small.
import { formatDate as formatLocalDate, formatDateTime, spaceFrench } from '../../hub/locale/index.js';

const fr = {
  loading: 'Chargement…',
  unavailable: 'Le service est momentanément indisponible. Réessayez plus tard.',
  failed: "La demande n'a pas abouti. Réessayez plus tard.",
  newsTitle: 'Actualités',
  newsEmpty: 'Aucune actualité pour le moment.',
  publishedBy: 'Publié par {partner}',
  searchTitle: 'Rechercher',
  searchLabel: 'Rechercher sur les sites publics',
  searchButton: 'Rechercher',
  suggestions: 'Suggestions',
  results: '{n} résultat|{n} résultats',
  noResults: "Aucun résultat. Essayez d'autres mots ou retirez des filtres.",
  filters: 'Affiner la recherche',
  facet_type: 'Type de contenu',
  facet_topic: 'Thème',
  facet_partner: 'Partenaire',
  facet_audience: 'Public',
  type_news: 'Actualité',
  type_event: 'Événement',
  type_procedure: 'Démarche',
  type_service: 'Service',
  type_job: "Offre d'emploi",
  type_publication: 'Publication',
  type_alert: 'Alerte',
  eventPlace: 'Lieu : {place}',
  showMore: 'Afficher plus',
  readOn: 'Lire sur le site de {partner}',
  like: "J'aime",
  likes: "{n} mention J'aime|{n} mentions J'aime",
  comments: 'Commentaires ({n})',
  noComments: 'Aucun commentaire pour le moment. Soyez le premier à réagir.',
  moreComments: 'Afficher plus de commentaires',
  moreReplies: 'Afficher plus de réponses',
  deleted: 'Commentaire supprimé',
  official: 'Réponse officielle — {partner}',
  reply: 'Répondre',
  replyTo: 'Réponse à {author}',
  cancelReply: 'Annuler la réponse',
  formTitle: 'Laisser un commentaire',
  preModeration: 'Les commentaires sont publiés après relecture par la modération.',
  writesClosed:
    'Ce site ne peut pas envoyer de «\u00a0j’aime\u00a0» ni de commentaires\u00a0: vous pouvez les lire ici, mais pas y réagir.',
  author: 'Pseudonyme',
  body: 'Commentaire',
  honeypot: 'Ne pas remplir ce champ',
  send: 'Publier le commentaire',
  sending: 'Envoi en cours…',
  published: 'Votre commentaire a été publié.',
  pending: 'Votre commentaire sera publié après relecture par la modération.',
  missingAuthor: "Indiquez un pseudonyme d'au moins 2 caractères.",
  missingBody: 'Écrivez votre commentaire.',
  flag: 'Signaler',
  flagLegend: 'Pourquoi signaler ce commentaire ?',
  flagChoose: 'Choisissez un motif.',
  flagSend: 'Envoyer le signalement',
  flagCancel: 'Annuler',
  flagged: 'Merci, ce commentaire a été signalé à la modération.',
  reason_spam: 'Spam ou publicité',
  reason_offensive: 'Propos injurieux',
  'reason_off-topic': 'Hors sujet',
  'reason_personal-data': 'Données personnelles',
  code_visitor_required: "Votre navigateur n'a pas pu être identifié. Rechargez la page puis réessayez.",
  code_invalid_input: 'Certaines informations sont invalides. Vérifiez le formulaire.',
  code_honeypot: 'Votre envoi a été refusé.',
  code_too_fast: "Merci de patienter quelques secondes avant d'envoyer votre commentaire.",
  code_form_token_invalid: "Le formulaire a été renouvelé. Merci d'envoyer à nouveau votre commentaire.",
  code_form_token_expired: "Le formulaire a expiré. Merci d'envoyer à nouveau votre commentaire.",
  code_form_token_used: "Le formulaire a été renouvelé. Merci d'envoyer à nouveau votre commentaire.",
  code_form_token_foreign: "Le formulaire a été renouvelé. Merci d'envoyer à nouveau votre commentaire.",
  code_duplicate_comment: 'Vous avez déjà envoyé ce commentaire.',
  code_rate_limited: "Trop d'envois en peu de temps. Réessayez dans {s} secondes.",
  code_origin_not_allowed: "Ce site n'est pas autorisé à publier des réactions.",
  code_already_flagged: 'Vous avez déjà signalé ce commentaire.',
  code_edit_window_closed: 'Le délai de modification de 15 minutes est dépassé.',
  code_not_found: 'Ce contenu est introuvable ou a été retiré.',
  code_comments_closed: 'Les commentaires sont fermés pour ce contenu.',
  code_duplicate_wish: 'Vous avez déjà proposé ce contenu.',
  code_wish_closed: 'Ce souhait a déjà reçu sa réponse.',
  feedbackTitle: 'Cette page vous a-t-elle été utile ?',
  yes: 'Oui',
  no: 'Non',
  feedbackWhy: 'Qu’est-ce qui n’allait pas ?',
  'feedback_pas-clair': 'Ce n’est pas clair',
  feedback_incomplet: 'L’information est incomplète',
  feedback_obsolete: 'L’information est obsolète ou erronée',
  'feedback_hors-situation': 'Cela ne correspond pas à ma situation',
  'feedback_lien-casse': 'Un lien ne fonctionne pas',
  feedbackText: 'Précisez (facultatif, 500 caractères)',
  feedbackPrivacy: 'N’indiquez pas de données personnelles (nom, adresse, numéro de dossier…).',
  feedbackSend: 'Envoyer',
  feedbackThanks: 'Merci pour votre réponse.',
};

export type MessageKey = keyof typeof fr;

const en: Record<MessageKey, string> = {
  loading: 'Loading…',
  unavailable: 'The service is temporarily unavailable. Please try again later.',
  failed: 'The request did not succeed. Please try again later.',
  newsTitle: 'News',
  newsEmpty: 'No news yet.',
  publishedBy: 'Published by {partner}',
  searchTitle: 'Search',
  searchLabel: 'Search public-service websites',
  searchButton: 'Search',
  suggestions: 'Suggestions',
  results: '{n} result|{n} results',
  noResults: 'No results. Try other words or remove some filters.',
  filters: 'Refine the search',
  facet_type: 'Content type',
  facet_topic: 'Topic',
  facet_partner: 'Partner',
  facet_audience: 'Audience',
  type_news: 'News',
  type_event: 'Event',
  type_procedure: 'Procedure',
  type_service: 'Service',
  type_job: 'Job offer',
  type_publication: 'Publication',
  type_alert: 'Alert',
  eventPlace: 'Venue: {place}',
  showMore: 'Show more',
  readOn: 'Read on the {partner} website',
  like: 'Like',
  likes: '{n} like|{n} likes',
  comments: 'Comments ({n})',
  noComments: 'No comments yet. Be the first to react.',
  moreComments: 'Show more comments',
  moreReplies: 'Show more replies',
  deleted: 'Comment deleted',
  official: 'Official reply — {partner}',
  reply: 'Reply',
  replyTo: 'Reply to {author}',
  cancelReply: 'Cancel reply',
  formTitle: 'Leave a comment',
  preModeration: 'Comments are published after review by the moderators.',
  writesClosed: 'This site cannot send likes or comments: you can read them here, but not respond.',
  author: 'Nickname',
  body: 'Comment',
  honeypot: 'Leave this field empty',
  send: 'Post comment',
  sending: 'Sending…',
  published: 'Your comment has been published.',
  pending: 'Your comment will be published after review by the moderators.',
  missingAuthor: 'Enter a nickname of at least 2 characters.',
  missingBody: 'Write your comment.',
  flag: 'Report',
  flagLegend: 'Why report this comment?',
  flagChoose: 'Choose a reason.',
  flagSend: 'Send report',
  flagCancel: 'Cancel',
  flagged: 'Thank you, this comment has been reported to the moderators.',
  reason_spam: 'Spam or advertising',
  reason_offensive: 'Offensive language',
  'reason_off-topic': 'Off topic',
  'reason_personal-data': 'Personal data',
  code_visitor_required: 'Your browser could not be identified. Reload the page and try again.',
  code_invalid_input: 'Some information is invalid. Please check the form.',
  code_honeypot: 'Your submission was refused.',
  code_too_fast: 'Please wait a few seconds before sending your comment.',
  code_form_token_invalid: 'The form has been renewed. Please send your comment again.',
  code_form_token_expired: 'The form has expired. Please send your comment again.',
  code_form_token_used: 'The form has been renewed. Please send your comment again.',
  code_form_token_foreign: 'The form has been renewed. Please send your comment again.',
  code_duplicate_comment: 'You have already sent this comment.',
  code_rate_limited: 'Too many submissions in a short time. Try again in {s} seconds.',
  code_origin_not_allowed: 'This website is not allowed to post reactions.',
  code_already_flagged: 'You have already reported this comment.',
  code_edit_window_closed: 'The 15-minute editing window has passed.',
  code_not_found: 'This content cannot be found or has been withdrawn.',
  code_comments_closed: 'Comments are closed for this content.',
  code_duplicate_wish: 'You have already suggested this.',
  code_wish_closed: 'This wish has already been answered.',
  feedbackTitle: 'Was this page useful?',
  yes: 'Yes',
  no: 'No',
  feedbackWhy: 'What went wrong?',
  'feedback_pas-clair': 'Not clear',
  feedback_incomplet: 'Incomplete',
  feedback_obsolete: 'Out of date or wrong',
  'feedback_hors-situation': 'Not my situation',
  'feedback_lien-casse': 'A broken link',
  feedbackText: 'Details (optional, 500 characters)',
  feedbackPrivacy: 'No personal data (name, address, file number…).',
  feedbackSend: 'Send',
  feedbackThanks: 'Thank you for your answer.',
};

export const MESSAGES = { fr, en };
export type Lang = keyof typeof MESSAGES;

/** The widget language: English when asked for, French otherwise. */
export function pickLang(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** Whether a key exists in the table (for codes that come from the server). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(fr, key);
}

/** The message for `key`, its plural form chosen by `n`, French spacing applied, with {name} values filled in. */
export function translate(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  return translateFrom(MESSAGES, lang, key, values);
}

/** translate() over another table (a widget bundled on its own, such as <passerelle-wish>). */
export function translateFrom<K extends string>(
  table: Record<Lang, Record<K, string>>,
  lang: Lang,
  key: K,
  values: Record<string, string | number> = {},
): string {
  const forms = table[lang][key].split('|');
  const n = values.n;
  const plural = typeof n === 'number' && new Intl.PluralRules(lang).select(n) !== 'one';
  const form = (plural ? forms[1] : forms[0]) ?? forms[0] ?? key;
  // French spacing on the message itself, not on the values (a partner's name, a pseudonym).
  const text = lang === 'fr' ? spaceFrench(form) : form;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** A date in New Caledonia's time zone, e.g. « 12 mars 2025 » (with the time when asked): the hub's one date helper. */
export function formatDate(lang: Lang, iso: string | undefined, withTime = false): string {
  return withTime ? formatDateTime(iso, lang) : formatLocalDate(iso, lang);
}
