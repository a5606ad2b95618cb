/**
 * /souhaits/suivi/confirmer and /souhaits/suivi/arreter: the pages the follow-up mails
 * link to. Opening one changes nothing (mail scanners open links); its button does.
 */
import { applyFrenchTypography, Button, Notice } from '../../hub/ui/index.js';
import { PortalLayout } from '../layout.js';
import { wishPath } from '../view/wishes.js';

export type FollowUpAction = 'confirmer' | 'arreter';

export interface FollowUpPageProps {
  action: FollowUpAction;
  token: string;
  /** After the button: done (and the wish, for a confirmation). */
  done?: { wishId?: string };
}

const TEXTS: Record<FollowUpAction, { title: string; ask: string; button: string; done: string; after: string }> = {
  confirmer: {
    title: 'Confirmer le suivi de votre souhait',
    ask: 'Confirmez votre adresse pour recevoir un message à chaque étape de votre souhait : étude, réponse, publication.',
    button: 'Confirmer mon adresse',
    done: 'Votre adresse est confirmée.',
    after: 'Vous recevrez un message à chaque nouvelle étape. Chaque message contient un lien pour arrêter le suivi.',
  },
  arreter: {
    title: 'Arrêter le suivi de votre souhait',
    ask: 'Vous ne recevrez plus de message au sujet de ce souhait, et votre adresse sera effacée.',
    button: 'Arrêter le suivi et effacer mon adresse',
    done: 'Votre adresse est effacée.',
    after: 'Vous ne recevrez plus aucun message au sujet de ce souhait.',
  },
};

export function FollowUpPage({ action, token, done }: FollowUpPageProps) {
  const text = TEXTS[action];
  const path = `/souhaits/suivi/${action}`;
  return (
    <PortalLayout
      title={text.title}
      breadcrumbs={[{ label: 'Accueil', href: '/' }, { label: 'Souhaits', href: '/souhaits' }, { label: text.title }]}
      meta={{ canonicalPath: path, description: text.title, noindex: true }}
    >
      {done ? (
        <>
          <Notice kind="success" title={text.done}>
            {applyFrenchTypography(text.after)}
          </Notice>
          <p>
            <a href={done.wishId ? wishPath(done.wishId) : '/souhaits'}>
              {done.wishId ? 'Voir le souhait' : 'Voir tous les souhaits'}
            </a>
          </p>
        </>
      ) : (
        <form method="post" action={path} class="pl-form">
          <p>{applyFrenchTypography(text.ask)}</p>
          <input type="hidden" name="jeton" value={token} />
          <Button type="submit">{text.button}</Button>
        </form>
      )}
    </PortalLayout>
  );
}
