/** The follow-up e-mails, in French, plain text; every one carries its unsubscribe link. */
import { applyFrenchTypography } from '../../locale/index.js';
import type { VoiceMail } from '../deps.js';

export const STATUS_LABELS: Record<string, string> = {
  nouveau: 'Nouveau',
  'a-l-etude': 'À l’étude',
  accepte: 'Accepté',
  publie: 'Publié',
  refuse: 'Refusé',
  doublon: 'Doublon',
};

export interface FollowUpLinks {
  wishUrl: string;
  confirmUrl: string;
  unsubscribeUrl: string;
  /** RFC 8058 one-click unsubscription (POST). */
  oneClickUrl: string;
}

function frenchMail(to: string, subject: string, lines: string[], links: FollowUpLinks): VoiceMail {
  return {
    to,
    subject: applyFrenchTypography(subject),
    text: applyFrenchTypography([...lines, footer(links)].join('\n')),
    headers: unsubscribeHeaders(links),
  };
}

function unsubscribeHeaders(links: FollowUpLinks): Record<string, string> {
  return {
    'List-Unsubscribe': `<${links.oneClickUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

function footer(links: FollowUpLinks): string {
  return [
    '',
    '—',
    'Vous recevez ce message parce que vous avez demandé à suivre ce souhait sur Passerelle.',
    `Ne plus recevoir ces messages (votre adresse sera effacée) : ${links.unsubscribeUrl}`,
  ].join('\n');
}

/** The double opt-in mail: nothing else is sent before its link is followed. */
export function confirmationMail(to: string, title: string, links: FollowUpLinks): VoiceMail {
  return frenchMail(
    to,
    `Confirmez le suivi de votre souhait « ${title} »`,
    [
      'Bonjour,',
      '',
      `Vous avez proposé un contenu sur Passerelle : « ${title} ».`,
      'Pour recevoir un message à chaque étape (étude, réponse, publication), confirmez votre adresse en ouvrant ce lien :',
      links.confirmUrl,
      '',
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre adresse sera effacée dans 7 jours.",
      `Le souhait : ${links.wishUrl}`,
    ],
    links,
  );
}

export interface StepNews {
  title: string;
  status: string;
  answer?: string;
  signedBy: string;
  /** For a duplicate: the wish that continues. */
  otherWishUrl?: string;
}

/** A new step of a followed wish. */
export function stepMail(to: string, news: StepNews, links: FollowUpLinks): VoiceMail {
  const label = STATUS_LABELS[news.status] ?? news.status;
  return frenchMail(
    to,
    `Votre souhait « ${news.title} » : ${label.toLowerCase()}`,
    [
      'Bonjour,',
      '',
      `Le souhait « ${news.title} » a changé : ${label} (${news.signedBy}).`,
      ...(news.answer ? ['', 'Réponse :', news.answer] : []),
      ...(news.otherWishUrl
        ? ['', `Il rejoint un souhait semblable ; soutenez-le et suivez-le ici : ${news.otherWishUrl}`]
        : []),
      '',
      `Tout l'historique : ${links.wishUrl}`,
    ],
    links,
  );
}
