/** The texts of <passerelle-wish>, kept out of embed.js (wish.js is bundled on its own). */

const fr = {
  wishTitle: 'Proposer un contenu',
  wishIntro: 'Une information ou une démarche vous manque ? Dites-le-nous : les services publics vous répondront.',
  wishField: 'Ce qui vous manque (titre)',
  wishBody: 'Expliquez votre besoin',
  wishAudience: 'Vous êtes (facultatif)',
  wishAudienceAny: '—',
  audience_particuliers: 'Un particulier',
  audience_professionnels: 'Un professionnel',
  audience_associations: 'Une association',
  wishEmail: 'Votre adresse e-mail (facultatif)',
  wishEmailHint: 'Pour être prévenu de la réponse. Nous vous enverrons d’abord un lien de confirmation.',
  wishSend: 'Envoyer ma proposition',
  wishSuggested: 'Cela existe peut-être déjà :',
  wishSupports: '{n} soutien|{n} soutiens',
  metoo: 'Moi aussi',
  metooDone: 'Votre soutien est enregistré.',
  wishPending: 'Merci ! Votre proposition sera publiée après relecture par la modération.',
  wishPublished: 'Merci ! Votre proposition est publiée.',
  wishMissingTitle: 'Donnez un titre d’au moins 5 caractères.',
  wishMissingBody: 'Expliquez votre besoin en quelques mots (10 caractères au moins).',
};

export type WishMessageKey = keyof typeof fr;

const en: Record<WishMessageKey, string> = {
  wishTitle: 'Suggest content',
  wishIntro: 'Is some information or a procedure missing? Tell us: the public services will answer.',
  wishField: 'What is missing (title)',
  wishBody: 'Describe your need',
  wishAudience: 'You are (optional)',
  wishAudienceAny: '—',
  audience_particuliers: 'An individual',
  audience_professionnels: 'A business',
  audience_associations: 'An association',
  wishEmail: 'Your e-mail address (optional)',
  wishEmailHint: 'To be told of the answer. We will first send you a confirmation link.',
  wishSend: 'Send my suggestion',
  wishSuggested: 'This may already exist:',
  wishSupports: '{n} supporter|{n} supporters',
  metoo: 'Me too',
  metooDone: 'Your support is recorded.',
  wishPending: 'Thank you! Your suggestion will be published after review by the moderators.',
  wishPublished: 'Thank you! Your suggestion is published.',
  wishMissingTitle: 'Give a title of at least 5 characters.',
  wishMissingBody: 'Describe your need in a few words (at least 10 characters).',
};

export const WISH_MESSAGES = { fr, en };
