/**
 * The citizens' portal: server-rendered French pages mounted by the hub (docs/faces.md).
 * `portalRoutes` is every page and site file, `renderPortalErrors` the French error pages.
 */
import { RouteGroup } from '../hub/http/index.js';
import type { PortalDeps } from './deps.js';
import { AccessibilityPage } from './pages/accessibility-page.js';
import { LegalPage } from './pages/legal-page.js';
import { PrivacyPage } from './pages/privacy-page.js';
import { formPost, page, SEARCH_QUERY, WITH_BAD_REQUEST } from './route-docs.js';
import { serveCommune } from './routes/commune.js';
import { serveCommuneChoice } from './routes/commune-choice.js';
import { serveHome } from './routes/home.js';
import { serveFeedback } from './routes/feedback.js';
import { serveItem } from './routes/item.js';
import { serveMyData } from './routes/my-data.js';
import { servePartner, servePartners } from './routes/partners.js';
import { serveServices } from './routes/services.js';
import { serveSearch } from './routes/search.js';
import { serveOpenSearch, serveRobots, serveSitemaps } from './routes/site-files.js';
import { serveStaticPage } from './routes/static-pages.js';
import { serveTheme } from './routes/theme.js';
import { serveShareScript } from './site/share-script.js';
import { addWishPages } from './wish-routes.js';

export type { PortalDeps } from './deps.js';
export { isPageRequest, renderPortalErrors } from './routes/error-pages.js';

/** Every portal page, in one group. */
export function portalRoutes(deps: PortalDeps): RouteGroup {
  const sitemaps = serveSitemaps(deps);
  const feedback = serveFeedback(deps);
  const myData = serveMyData(deps);
  const group = new RouteGroup()
    .add(
      page(
        '/',
        'Accueil : recherche, alertes, « Ma commune », nouvelles de la commune, de sa province et de la Nouvelle-Calédonie, thèmes',
        {
          query: {
            commune: { description: 'Commune (identifiant ou code INSEE) pour cette page, sans changer le cookie' },
          },
          responses: WITH_BAD_REQUEST,
        },
      ),
      serveHome(deps),
    )
    .add(
      page('/recherche', 'Recherche, avec les filtres de /api/v1/items, facettes, pages et flux', {
        query: SEARCH_QUERY,
        responses: WITH_BAD_REQUEST,
      }),
      serveSearch(deps),
    )
    .add(
      page(
        '/articles/:id/avis',
        '« Cette page vous a-t-elle été utile ? » : le formulaire (sans JavaScript), puis le merci',
        {
          query: {
            reponse: { description: 'oui ou non, déjà choisi' },
            merci: { description: '1 : la réponse est enregistrée' },
          },
        },
      ),
      (ctx) => feedback.show(ctx),
    )
    .add(
      formPost('/articles/:id/avis', "Enregistre l'avis (formulaire du navigateur), puis 303 vers le merci", {
        303: { description: 'Enregistré' },
        400: { description: 'Formulaire refusé : la page, avec les messages en français', contentType: 'text/html' },
        404: { description: 'Publication inconnue', contentType: 'text/html' },
      }),
      (ctx) => feedback.post(ctx),
    )
    .add(
      page(
        '/articles/:id',
        'Une publication : contenu, partenaire, dates, démarches en ligne, réactions, publications liées',
      ),
      serveItem(deps),
    )
    .add(
      page('/demarches', 'Démarches en ligne des partenaires : recherche et filtres, sortie comptée par /sortie/:id', {
        query: {
          q: { description: 'Texte recherché' },
          commune: { description: 'Commune (identifiant ou code INSEE)' },
          audience: { description: 'particuliers, professionnels, associations' },
          partner: { description: 'Un partenaire' },
          page: { description: 'À partir de 1' },
        },
        responses: WITH_BAD_REQUEST,
      }),
      serveServices(deps),
    )
    .add(page('/partenaires', 'Les partenaires, par type'), servePartners(deps))
    .add(page('/partenaires/:id', 'Un partenaire : site, dernières publications, flux'), servePartner(deps))
    .add(
      page(
        '/communes/:id',
        'Une commune (identifiant de son partenaire) : ce qui concerne son territoire, sa province et toute la Nouvelle-Calédonie',
      ),
      serveCommune(deps),
    )
    .add(
      page('/themes/:slug', 'Un thème : ses publications, les plus récentes d’abord', {
        query: { page: SEARCH_QUERY.page! },
        responses: WITH_BAD_REQUEST,
      }),
      serveTheme(deps),
    )
    .add(page('/accessibilite', "Déclaration d'accessibilité"), serveStaticPage(deps, AccessibilityPage))
    .add(page('/mentions-legales', 'Mentions légales'), serveStaticPage(deps, LegalPage))
    .add(
      page('/donnees-personnelles', 'Données personnelles : ce qui est enregistré, combien de temps'),
      serveStaticPage(deps, PrivacyPage),
    )
    .add(
      page(
        '/mes-donnees',
        '« Mes données » : ce qui est enregistré sous la clé de visiteur du cookie de ce navigateur',
        {
          query: { efface: { description: '1 : les données viennent d’être effacées' } },
        },
      ),
      (ctx) => myData.show(ctx),
    )
    .add(
      {
        method: 'get',
        path: '/mes-donnees/telecharger',
        tag: 'pages',
        summary: 'L’export de GET /api/v1/visitor/data pour la clé du cookie, en pièce jointe JSON (no-store)',
        responses: {
          200: { description: 'JSON en pièce jointe', contentType: 'application/json' },
          303: { description: 'Pas de clé de visiteur : vers /mes-donnees' },
          429: { description: 'Limite de l’API dépassée : page en français', contentType: 'text/html' },
        },
      },
      (ctx) => myData.download(ctx),
    )
    .add(page('/mes-donnees/effacer', 'Confirmer l’effacement des données de la clé du cookie'), (ctx) =>
      myData.confirm(ctx),
    )
    .add(
      formPost(
        '/mes-donnees/effacer',
        'Efface (comme DELETE /api/v1/visitor/data) et oublie le cookie, puis 303 vers /mes-donnees?efface=1',
        {
          303: { description: 'Effacé' },
          400: { description: 'Jeton absent, altéré ou périmé : la page, en français', contentType: 'text/html' },
          403: { description: 'Jeton d’une autre clé : la page, en français', contentType: 'text/html' },
          429: { description: 'Limite de l’API dépassée : page en français', contentType: 'text/html' },
        },
      ),
      (ctx) => myData.erase(ctx),
    )
    .add(
      formPost(
        '/ma-commune',
        'Choisit (ou oublie) la commune du visiteur : un cookie « commune » de ce site, puis retour à la page (303)',
        {
          303: { description: 'Vers la page du formulaire' },
          400: { description: 'Commune inconnue : page en français', contentType: 'text/html' },
        },
      ),
      serveCommuneChoice(deps),
    )
    .add(
      {
        method: 'get',
        path: '/sitemap.xml',
        tag: 'pages',
        summary:
          'Plan du site (sitemaps.org) : chaque publication ; un index de /sitemap-N.xml au-delà de 50 000 adresses',
        responses: {
          200: { description: 'XML', contentType: 'application/xml' },
          304: { description: 'Inchangé' },
          503: { description: 'Index pas prêt' },
        },
      },
      sitemaps,
    )
    .add(
      {
        method: 'get',
        path: '/sitemap-:n.xml',
        tag: 'pages',
        summary: 'Une partie du plan du site, quand il dépasse 50 000 adresses',
        responses: {
          200: { description: 'XML', contentType: 'application/xml' },
          404: { description: 'Pas de telle partie' },
        },
      },
      sitemaps,
    )
    .add(
      {
        method: 'get',
        path: '/robots.txt',
        tag: 'pages',
        summary: 'Consignes aux robots et adresse du plan du site',
        responses: { 200: { description: 'Texte', contentType: 'text/plain' } },
      },
      serveRobots(deps),
    )
    .add(
      {
        method: 'get',
        path: '/opensearch.xml',
        tag: 'pages',
        summary: 'Description OpenSearch : le navigateur peut ajouter la recherche du portail',
        responses: { 200: { description: 'OpenSearch 1.1', contentType: 'application/opensearchdescription+xml' } },
      },
      serveOpenSearch(deps),
    )
    .add(
      {
        method: 'get',
        path: '/assets/partage.:hash.js',
        tag: 'pages',
        summary: 'Script du bloc « Partager cette page » (bouton « Copier le lien »), nommé par son empreinte',
        responses: {
          200: { description: 'JavaScript', contentType: 'text/javascript' },
          304: { description: 'Inchangé (If-None-Match)' },
          404: { description: "Pas l'empreinte actuelle" },
        },
      },
      serveShareScript,
    );
  return addWishPages(group, deps);
}
