/** /mentions-legales: who publishes what, reuse of contents, links, hosting. */
import { applyFrenchTypography } from '../../hub/ui/index.js';
import { PortalLayout } from '../layout.js';
import { StaticSection } from './static-section.js';

const t = applyFrenchTypography;

export function LegalPage() {
  return (
    <PortalLayout
      title="Mentions légales"
      breadcrumbs={[{ label: 'Accueil', href: '/' }, { label: 'Mentions légales' }]}
      lede={t('Passerelle est le service de fédération des contenus du portail service-public.nc.')}
      meta={{
        canonicalPath: '/mentions-legales',
        description: 'Mentions légales du portail Passerelle (service-public.nc).',
      }}
    >
      <div class="pl-prose">
        <StaticSection id="editeur" title="Éditeur">
          <p>
            {t('Le portail est édité pour ')}
            <a href="https://service-public.nc">service-public.nc</a>
            {t(
              ', le portail des services publics de Nouvelle-Calédonie, par l’équipe qui l’exploite pour ses partenaires. Le directeur de la publication est le responsable de ce portail.',
            )}
          </p>
        </StaticSection>
        <StaticSection id="contenus" title="Contenus des partenaires">
          <p>
            {t(
              'Les publications (actualités, démarches, événements, alertes, offres d’emploi) sont celles des 45 partenaires — provinces, communes, gouvernement, État, établissements publics — reprises de leurs sites et de leurs flux. Chaque partenaire est responsable de ce qu’il publie ; chaque page renvoie vers la page d’origine, qui fait foi.',
            )}
          </p>
          <p>
            {t(
              'Les fiches « Vos droits et démarches » viennent de la Direction de l’information légale et administrative (DILA, service-public.fr) : elles décrivent le droit national, qui peut différer en Nouvelle-Calédonie. Vérifiez auprès du partenaire concerné.',
            )}
          </p>
        </StaticSection>
        <StaticSection id="reutilisation" title="Réutilisation">
          <p>
            {t('Les publications sont réutilisables par leurs ')}
            <a href="/feeds/items.rss">flux</a>
            {t(', ')}
            <a href="/widgets/demo">widgets</a>
            {t(' et son ')}
            <a href="/api/v1/openapi.json">API</a>
            {t(
              ', en citant le partenaire et la page d’origine, dans le respect des droits de chaque partenaire sur ses contenus.',
            )}
          </p>
        </StaticSection>
        <StaticSection id="commentaires" title="Commentaires">
          <p>
            {t(
              'Les commentaires sont publiés sous pseudonyme et modérés par le partenaire de la page, qui peut les refuser ou les masquer. Trois signalements masquent un commentaire jusqu’à sa relecture.',
            )}
          </p>
        </StaticSection>
        <StaticSection id="liens" title="Données personnelles et accessibilité">
          <p>
            <a href="/donnees-personnelles">{t('Ce que le portail enregistre, et vos droits')}</a>
            {t(' ; ')}
            <a href="/accessibilite">{t('déclaration d’accessibilité')}</a>.
          </p>
        </StaticSection>
      </div>
    </PortalLayout>
  );
}
