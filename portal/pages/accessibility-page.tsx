/**
 * /accessibilite: the accessibility statement French public sites publish (RGAA 4.1), with
 * what is measured on every change and what is known not to conform.
 */
import { applyFrenchTypography } from '../../hub/ui/index.js';
import { PortalLayout } from '../layout.js';
import { StaticSection } from './static-section.js';

const t = applyFrenchTypography;

export function AccessibilityPage() {
  return (
    <PortalLayout
      title="Déclaration d'accessibilité"
      breadcrumbs={[{ label: 'Accueil', href: '/' }, { label: 'Accessibilité' }]}
      lede={t(
        'Passerelle s’engage à rendre ses pages accessibles à tous, conformément à l’article 47 de la loi no 2005-102 du 11 février 2005. Cette déclaration porte sur les pages du portail servies par Passerelle.',
      )}
      meta={{
        canonicalPath: '/accessibilite',
        description: "Déclaration d'accessibilité du portail Passerelle : état de conformité au RGAA 4.1 et mesures.",
      }}
    >
      <div class="pl-prose">
        <StaticSection id="etat" title="État de conformité">
          <p>
            {t('Le portail est ')}
            <strong>partiellement conforme</strong>
            {t(
              ' au référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1 : il n’a pas encore fait l’objet d’un audit complet des 106 critères par un organisme indépendant. Les mesures ci-dessous sont faites à chaque modification du portail.',
            )}
          </p>
        </StaticSection>
        <StaticSection id="mesures" title="Ce qui est mesuré">
          <ul>
            <li>
              {t(
                'Chaque type de page (accueil, recherche, publication, partenaires, partenaire, commune, thème, pages d’information et d’erreur) est contrôlé avec axe-core (règles WCAG 2.1 A et AA et bonnes pratiques) à 320 et 1 280 pixels de large, en thème clair et en thème sombre : aucune erreur.',
              )}
            </li>
            <li>
              {t(
                'Le code HTML de chaque type de page est validé (html-validate, règles recommandées et d’accessibilité).',
              )}
            </li>
            <li>
              {t(
                'Un parcours au clavier seul est testé : lien d’évitement, recherche, ouverture d’un résultat, puis le lien vers le site du partenaire, avec un focus visible.',
              )}
            </li>
            <li>
              {t(
                'Les contrastes des couleurs sont mesurés : au moins 4,5:1 pour les textes et 3:1 pour les bordures des champs et le focus, dans les deux thèmes.',
              )}
            </li>
            <li>
              {t(
                'Lighthouse (12.2.3, émulation mobile) donne 100 en accessibilité sur l’accueil, la recherche et une publication ; les chiffres sont publiés avec le code du portail.',
              )}
            </li>
          </ul>
        </StaticSection>
        <StaticSection id="non-conformites" title="Contenus non accessibles">
          <ul>
            <li>
              {t(
                'Les textes des publications viennent des sites des partenaires : leur structure est reprise (titres renumérotés, tableaux défilants), mais leur rédaction, les liens « cliquez ici » ou les documents joints (PDF) relèvent de chaque partenaire.',
              )}
            </li>
            <li>
              {t(
                'Les images des publications ne sont pas encore affichées par le portail : elles restent visibles sur le site du partenaire, ce que la page signale.',
              )}
            </li>
            <li>
              {t(
                'Les mentions « J’aime » et les commentaires demandent JavaScript ; tout le reste du portail (lecture, recherche, filtres, choix de la commune) fonctionne sans.',
              )}
            </li>
          </ul>
        </StaticSection>
        <StaticSection id="environnement" title="Technologies et environnement de test">
          <p>
            {t(
              'HTML5, CSS et, pour les réactions seulement, JavaScript. Tests automatiques dans Chromium (dernière version de Debian) ; le portail suit les réglages du visiteur (taille du texte, thème sombre, réduction des animations).',
            )}
          </p>
        </StaticSection>
        <StaticSection id="retour" title="Signaler un défaut d'accessibilité">
          <p>
            {t(
              'Si vous ne parvenez pas à accéder à un contenu ou à un service, contactez le partenaire qui l’a publié (son site est indiqué sur chaque publication) ou l’équipe du portail service-public.nc pour être orienté vers une autre façon d’y accéder.',
            )}
          </p>
          <p>
            {t(
              'Si vous n’obtenez pas de réponse satisfaisante, vous pouvez saisir le Défenseur des droits (www.defenseurdesdroits.fr, ou par courrier gratuit : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07).',
            )}
          </p>
        </StaticSection>
      </div>
    </PortalLayout>
  );
}
