/** /donnees-personnelles: what the portal stores (visitor key, hashed addresses, « ma commune »), how long, and the visitor's rights. */
import { applyFrenchTypography } from '../../hub/ui/index.js';
import { PortalLayout } from '../layout.js';
import { StaticSection } from './static-section.js';

const t = applyFrenchTypography;

const RETENTION: [what: string, kept: string][] = [
  ['Votre commune (cookie « commune » de ce site)', 'un an, ou jusqu’à ce que vous la changiez ou l’effaciez'],
  ['Clé de visiteur (dans votre navigateur)', 'tant que vous ne videz pas les données du site'],
  [
    'Clé de visiteur des formulaires sans JavaScript (cookie « passerelle_visiteur » de ce site)',
    'un an, ou jusqu’à ce que vous effaciez vos données',
  ],
  ['Mention « J’aime » (publication, empreinte de la clé, date)', 'jusqu’à ce que vous la retiriez'],
  ['Commentaire (pseudonyme et texte)', 'tant qu’il est publié ; 12 mois s’il a été refusé'],
  ['Empreinte de l’adresse IP jointe à un commentaire', '30 jours'],
  [
    'Clé quotidienne des empreintes d’adresses IP',
    '2 jours : ensuite, plus personne ne peut relier une empreinte à une adresse',
  ],
  ['Signalement d’un commentaire', 'tant que le commentaire existe'],
  [
    'Avis sur une page (utile ou non, raisons, texte, empreinte de la clé)',
    'jusqu’à ce que vous le changiez ou effaciez vos données',
  ],
  [
    'Souhait proposé (titre, description, commune, public)',
    'tant qu’il est publié, ou jusqu’à ce que vous effaciez vos données',
  ],
  ['Empreinte de l’adresse IP jointe à un souhait', '30 jours'],
  [
    'Adresse électronique de suivi d’un souhait',
    '7 jours si elle n’est pas confirmée ; sinon jusqu’à ce que vous arrêtiez le suivi, et au plus 90 jours après la clôture du souhait',
  ],
  [
    'Soutien « Moi aussi » (souhait, empreinte de la clé, date)',
    'jusqu’à ce que vous le retiriez ou effaciez vos données',
  ],
  ['Signalement d’un souhait', 'tant que le souhait existe'],
  ['Journal de modération (qui, quand, pourquoi)', '12 mois'],
];

export function PrivacyPage() {
  return (
    <PortalLayout
      title="Données personnelles"
      breadcrumbs={[{ label: 'Accueil', href: '/' }, { label: 'Données personnelles' }]}
      lede={t(
        'Lire et chercher sur le portail ne demande ni compte ni adresse électronique. Il n’y a ni mesure d’audience, ni publicité, ni service tiers : aucune donnée ne part ailleurs.',
      )}
      meta={{
        canonicalPath: '/donnees-personnelles',
        description: 'Ce que le portail Passerelle enregistre, combien de temps, et comment exercer vos droits.',
      }}
    >
      <div class="pl-prose">
        <StaticSection id="commune" title="« Ma commune »">
          <p>
            {t(
              'Quand vous choisissez votre commune, le portail la garde dans un cookie de ce site, nommé « commune », qui ne contient que l’identifiant de la commune (par exemple « noumea »). Il ne sert qu’à afficher d’abord ce qui la concerne ; il n’identifie pas la personne. Vous pouvez l’effacer avec le bouton « Ne plus choisir de commune » de l’accueil.',
            )}
          </p>
        </StaticSection>
        <StaticSection id="reactions" title="« J’aime » et commentaires">
          <p>
            {t(
              'Pour aimer une page ou la commenter, votre navigateur crée une clé de visiteur au hasard et la garde dans son stockage local (pas un cookie). Le serveur n’en garde qu’une empreinte (sha256). Il ne garde jamais votre adresse IP : seulement une empreinte calculée avec une clé du jour, détruite au bout de 2 jours, qui sert à limiter les abus.',
            )}
          </p>
        </StaticSection>
        <StaticSection id="durees" title="Durées de conservation">
          <section class="pl-table-scroll" tabindex={0} aria-label="Tableau : durées de conservation">
            <table class="pl-table">
              <caption class="pl-visually-hidden">Données enregistrées et durée de conservation</caption>
              <thead>
                <tr>
                  <th scope="col">Donnée</th>
                  <th scope="col">Conservée</th>
                </tr>
              </thead>
              <tbody>
                {RETENTION.map(([what, kept]) => (
                  <tr key={what}>
                    <td>{t(what)}</td>
                    <td>{t(kept)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </StaticSection>
        <StaticSection id="avis-souhaits" title="Avis, souhaits et « Moi aussi »">
          <p>
            {t(
              'Les formulaires du portail qui marchent sans JavaScript (« Cette page vous a-t-elle été utile ? », « Proposer un contenu », « Moi aussi ») reconnaissent votre navigateur par un cookie de ce site, « passerelle_visiteur », qui ne contient qu’une clé tirée au hasard. Le serveur n’en garde qu’une empreinte. Votre adresse électronique, si vous demandez le suivi d’un souhait, n’est jamais publiée ni transmise.',
            )}
          </p>
        </StaticSection>
        <StaticSection id="droits" title="Vos droits">
          <p>
            {t('La page « ')}
            <a href="/mes-donnees">Mes données</a>
            {t(
              ' » montre ce qui est enregistré sous la clé de visiteur de ce navigateur (mentions « J’aime », commentaires, signalements, avis, souhaits, soutiens), le télécharge ou l’efface, sans JavaScript.',
            )}
          </p>
          <p>
            {t(
              'Avec JavaScript, les « J’aime » et commentaires utilisent la clé du stockage local : elle s’exporte et s’efface par l’API du portail (GET et DELETE /api/v1/visitor/data, avec votre clé dans l’en-tête « Passerelle-Visitor »). Un commentaire peut aussi être supprimé par son auteur dans les 15 minutes. Pour toute autre demande (accès, rectification, opposition), adressez-vous au partenaire de la page ou à l’équipe du portail service-public.nc.',
            )}
          </p>
        </StaticSection>
      </div>
    </PortalLayout>
  );
}
