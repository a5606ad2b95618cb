/**
 * /mes-donnees and /mes-donnees/effacer: what is stored under this browser's visitor key
 * (the cookie of the portal's forms), its download, and its erasure after a confirmation.
 */
import { applyFrenchTypography, Button, Notice } from '../../hub/ui/index.js';
import { PortalLayout } from '../layout.js';

const t = applyFrenchTypography;

/** How many records of each kind the visitor key holds. */
export interface MyDataCounts {
  likes: number;
  comments: number;
  flags: number;
  feedback: number;
  wishes: number;
  supports: number;
  followUps: number;
}

export interface MyDataPageProps {
  /** Undefined: this browser has no visitor cookie. */
  counts?: MyDataCounts;
  /** The confirmation step, with its form token. */
  confirm?: { formToken: string };
  /** Just erased (after the redirect). */
  erased?: boolean;
  /** A refusal, in French (forged form, expired token, limit). */
  error?: string;
}

const ROWS: [key: keyof MyDataCounts, one: string, many: string][] = [
  ['likes', 'mention « J’aime »', 'mentions « J’aime »'],
  ['comments', 'commentaire', 'commentaires'],
  ['flags', 'signalement', 'signalements'],
  ['feedback', 'avis sur une page', 'avis sur les pages'],
  ['wishes', 'souhait proposé', 'souhaits proposés'],
  ['supports', 'soutien « Moi aussi »', 'soutiens « Moi aussi »'],
  ['followUps', 'adresse électronique de suivi d’un souhait', 'adresses électroniques de suivi de souhaits'],
];

function CountList({ counts }: { counts: MyDataCounts }) {
  return (
    <ul class="pl-my-data__counts">
      {ROWS.map(([key, one, many]) => (
        <li key={key}>
          <strong>{counts[key]}</strong> {t(counts[key] > 1 ? many : one)}
        </li>
      ))}
    </ul>
  );
}

function Overview({ counts }: { counts: MyDataCounts }) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <>
      <h2>{t('Ce qui est enregistré')}</h2>
      <p>
        {t(
          total
            ? 'Sous la clé de visiteur de ce navigateur (un cookie de ce site, qui ne contient qu’un nombre tiré au hasard), le portail garde :'
            : 'Ce navigateur a une clé de visiteur (un cookie de ce site, qui ne contient qu’un nombre tiré au hasard), mais rien n’est enregistré sous cette clé :',
        )}
      </p>
      <CountList counts={counts} />
      <h2>{t('Télécharger')}</h2>
      <p>{t('Un fichier JSON avec tout ce qui est enregistré sous cette clé : textes, dates, choix.')}</p>
      <form method="get" action="/mes-donnees/telecharger" class="pl-form">
        <Button type="submit" variant="secondary">
          Télécharger mes données
        </Button>
      </form>
      <h2>{t('Effacer')}</h2>
      <p>
        {t(
          'Tout est effacé : vos mentions « J’aime », commentaires, signalements, avis, souhaits (avec leurs soutiens et leur suivi), et vos soutiens aux souhaits des autres, dont les compteurs sont corrigés. Ce navigateur oublie ensuite sa clé.',
        )}
      </p>
      <form method="get" action="/mes-donnees/effacer" class="pl-form">
        <Button type="submit">Effacer mes données</Button>
      </form>
    </>
  );
}

function Confirmation({ counts, formToken }: { counts: MyDataCounts; formToken: string }) {
  return (
    <form method="post" action="/mes-donnees/effacer" class="pl-form">
      <p>{t('Vous allez effacer définitivement :')}</p>
      <CountList counts={counts} />
      <p>{t('Cette opération ne peut pas être annulée.')}</p>
      <input type="hidden" name="formToken" value={formToken} />
      <div class="pl-my-data__actions">
        <Button type="submit">Oui, effacer mes données</Button>
        <Button href="/mes-donnees" variant="secondary">
          Annuler
        </Button>
      </div>
    </form>
  );
}

export function MyDataPage({ counts, confirm, erased, error }: MyDataPageProps) {
  const title = `${error ? 'Erreur : ' : ''}${confirm ? 'Effacer mes données' : 'Mes données'}`;
  const crumbs = [
    { label: 'Accueil', href: '/' },
    { label: 'Données personnelles', href: '/donnees-personnelles' },
    ...(confirm ? [{ label: 'Mes données', href: '/mes-donnees' }, { label: 'Effacer' }] : [{ label: 'Mes données' }]),
  ];
  return (
    <PortalLayout
      title={t(title)}
      heading={confirm ? 'Effacer mes données' : 'Mes données'}
      breadcrumbs={crumbs}
      lede={t(
        'Ce que le portail garde de vos réactions, avis et souhaits envoyés depuis ce navigateur, sans compte ni nom.',
      )}
      meta={{
        canonicalPath: confirm ? '/mes-donnees/effacer' : '/mes-donnees',
        description: 'Voir, télécharger ou effacer ce que le portail garde sous la clé de visiteur de ce navigateur.',
        noindex: true,
      }}
    >
      <div class="pl-prose">
        {error && (
          <Notice kind="alert" title="Vos données n’ont pas été effacées.">
            <p>{t(error)}</p>
          </Notice>
        )}
        {erased && (
          <Notice kind="success" title="Vos données sont effacées." status>
            <p>{t('Ce navigateur a oublié sa clé de visiteur. Plus rien n’est enregistré à son nom.')}</p>
          </Notice>
        )}
        {!counts ? (
          <p>
            {t(
              'Ce navigateur n’a pas de clé de visiteur pour les formulaires du portail : rien n’est enregistré à son nom. La clé n’est créée que si vous donnez votre avis sur une page, proposez un souhait ou en soutenez un.',
            )}
          </p>
        ) : confirm ? (
          <Confirmation counts={counts} formToken={confirm.formToken} />
        ) : (
          <Overview counts={counts} />
        )}
        <h2>{t('Avec JavaScript')}</h2>
        <p>
          {t(
            'Les boutons « J’aime » et les commentaires des pages, quand JavaScript est actif, utilisent une autre clé, gardée dans le stockage local du navigateur (pas un cookie) : le serveur ne peut pas la lire. Ces données s’exportent et s’effacent par l’API du portail (GET et DELETE /api/v1/visitor/data, avec cette clé dans l’en-tête « Passerelle-Visitor »).',
          )}
        </p>
        <p>
          <a href="/donnees-personnelles">{t('Ce que le portail enregistre et combien de temps')}</a>
        </p>
      </div>
    </PortalLayout>
  );
}
