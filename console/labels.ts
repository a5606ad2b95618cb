/** The console's words for the hub's codes: statuses, reasons, actions. */
import type { WaitReason } from '../hub/interaction/index.js';

export { WISH_STATUS_LABELS } from '../hub/voice/index.js';

export const WISH_MODERATION_LABELS: Readonly<Record<string, string>> = {
  pending: 'À modérer',
  published: 'Publié',
  rejected: 'Refusé par la modération',
  hidden: 'Masqué',
};

export const SOCIAL_NETWORK_LABELS: Readonly<Record<string, string>> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X',
  linkedin: 'LinkedIn',
  whatsapp: 'WhatsApp',
  autre: 'Autre',
};

export const WAIT_REASON_LABELS: Readonly<Record<WaitReason, string>> = {
  links: 'contient plus de 2 liens',
  'pre-moderation': 'le partenaire modère tous les commentaires avant publication',
  'first-comment': 'premier commentaire de ce visiteur',
  flags: 'masqué après 3 signalements de visiteurs',
  held: 'mis en attente par une règle de modération précédente',
};

export const COMMENT_STATUS_LABELS: Readonly<Record<string, string>> = {
  pending: 'En attente',
  published: 'Publié',
  rejected: 'Refusé',
  hidden: 'Masqué',
  deleted: 'Supprimé',
};

export const FLAG_REASON_LABELS: Readonly<Record<string, string>> = {
  spam: 'indésirable',
  offensive: 'choquant ou injurieux',
  'off-topic': 'hors sujet',
  'personal-data': 'données personnelles',
};

export const MODERATION_ACTION_LABELS: Readonly<Record<string, string>> = {
  approve: 'Approuvé',
  reject: 'Refusé',
  hide: 'Masqué',
  'auto-hide': 'Masqué par les signalements',
  'official-reply': 'Réponse officielle',
  mute: 'Auteur rendu muet',
};

export const RUN_STATUS_LABELS: Readonly<Record<string, string>> = {
  running: 'En cours',
  ok: 'Réussie',
  partial: 'Partielle',
  failed: 'Échec',
};

export const SOURCE_KIND_LABELS: Readonly<Record<string, string>> = {
  feed: 'Flux RSS ou Atom',
  'json-api': 'API JSON',
  comarquage: 'Co-marquage DILA (XML)',
};

/** The journal's actions; later issues add theirs here. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'source.create': 'Source créée',
  'source.update': 'Source modifiée',
  'source.delete': 'Source supprimée',
  'source.run': 'Collecte lancée',
  'service.create': 'Démarche en ligne ajoutée',
  'service.update': 'Démarche en ligne modifiée',
  'partner.create': 'Partenaire créé',
  'partner.update': 'Partenaire modifié',
  'partner.delete': 'Partenaire supprimé',
  'token.create': "Jeton d'API créé",
  'token.revoke': "Jeton d'API révoqué",
  'comment.moderate': 'Commentaire modéré',
  'comment.reply': 'Réponse officielle',
  'visitor.mute': 'Visiteur rendu muet',
  'agent.invite': 'Agent invité',
  'agent.update': 'Compte modifié',
  'agent.reset-link': 'Lien de mot de passe créé',
  'item.withdraw': 'Contenu retiré',
  'item.restore': 'Contenu rétabli',
  'item.story-detach': 'Contenu détaché de son histoire',
  'wish.moderate': 'Souhait modéré',
  'wish.status': 'Souhait : étape',
  'wish.enter': 'Souhait saisi pour un citoyen',
  'wish.from-search': 'Souhait tiré d’une recherche sans réponse',
};

/** Flag reasons and counts in words: « indésirable : 2, injurieux : 1 ». */
export function describeFlags(reasons: Record<string, number>): string {
  return Object.entries(reasons)
    .map(([reason, n]) => `${FLAG_REASON_LABELS[reason] ?? reason} : ${n}`)
    .join(', ');
}
