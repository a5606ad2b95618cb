/**
 * The citizens' portal: server-rendered French pages mounted by the hub (docs/faces.md).
 * `portalRoutes` is every page and site file, `renderPortalErrors` the French error pages.
 */
import { RouteGroup, type ResponseDoc, type RouteDoc } from '../hub/http/index.js';
import type { PortalDeps } from './deps.js';
import { AccessibilityPage } from './pages/accessibility-page.js';
import { LegalPage } from './pages/legal-page.js';
import { PrivacyPage } from './pages/privacy-page.js';
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
import { serveWishScript } from './routes/assets.js';
import { serveFollowUp } from './routes/follow-up.js';
import { serveWishForm } from './routes/wish-form.js';
import { serveSupport, serveWish, serveWishes } from './routes/wishes.js';
import { serveShareScript } from './site/share-script.js';

export type { PortalDeps } from './deps.js';
export { isPageRequest, renderPortalErrors } from './routes/error-pages.js';

const HTML: ResponseDoc = { description: 'Page HTML', contentType: 'text/html' };
const PAGE_RESPONSES: RouteDoc['responses'] = {
  200: HTML,
  304: { description: 'Inchangée (If-None-Match)' },
  404: { description: 'Page introuvable, en français', contentType: 'text/html' },
  503: { description: "Recherche pas encore prête : page d'attente", contentType: 'text/html' },
};

function page(path: string, summary: string, extra: Partial<RouteDoc> = {}): RouteDoc {
  return { method: 'get', path, tag: 'pages', summary, responses: PAGE_RESPONSES, ...extra };
}

const SEARCH_QUERY = {
  q: { description: 'Texte recherché' },
  type: { description: 'Types, séparés par des virgules (mêmes filtres que /api/v1/items)' },
  audience: { description: 'Publics' },
  topic: { description: 'Thèmes' },
  province: { description: 'sud, nord, iles' },
  commune: { description: 'Codes INSEE 988xx' },
  partnerKind: { description: 'Types de partenaires' },
  partner: { description: 'Partenaires' },
  from: { description: 'Publié depuis (AAAA-MM-JJ)' },
  to: { description: "Publié jusqu'au (AAAA-MM-JJ)" },
  sort: { description: 'relevance ou date' },
  page: { description: 'Page de résultats, à partir de 1', schema: { type: 'integer', minimum: 1 } },
};

/** Every portal page, in one group. */
export function portalRoutes(deps: PortalDeps): RouteGroup {
  const sitemaps = serveSitemaps(deps);
  const feedback = serveFeedback(deps);
  const myData = serveMyData(deps);
  const withBadRequest = {
    ...PAGE_RESPONSES,
    400: { description: 'Paramètre invalide : page en français', contentType: 'text/html' },
  };
  const group = new RouteGroup()
    .add(
      page(
        '/',
        'Accueil : recherche, alertes, « Ma commune », nouvelles de la commune, de sa province et de la Nouvelle-Calédonie, thèmes',
        {
          query: {
            commune: { description: 'Commune (identifiant ou code INSEE) pour cette page, sans changer le cookie' },
          },
          responses: withBadRequest,
        },
      ),
      serveHome(deps),
    )
    .add(
      page('/recherche', 'Recherche, avec les filtres de /api/v1/items, facettes, pages et flux', {
        query: SEARCH_QUERY,
        responses: withBadRequest,
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
      {
        method: 'post',
        path: '/articles/:id/avis',
        tag: 'pages',
        summary: "Enregistre l'avis (formulaire du navigateur), puis 303 vers le merci",
        responses: {
          303: { description: 'Enregistré' },
          400: { description: 'Formulaire refusé : la page, avec les messages en français', contentType: 'text/html' },
          404: { description: 'Publication inconnue', contentType: 'text/html' },
        },
      },
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
        responses: withBadRequest,
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
        responses: withBadRequest,
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
      {
        method: 'post',
        path: '/mes-donnees/effacer',
        tag: 'pages',
        summary: 'Efface (comme DELETE /api/v1/visitor/data) et oublie le cookie, puis 303 vers /mes-donnees?efface=1',
        responses: {
          303: { description: 'Effacé' },
          400: { description: 'Jeton absent, altéré ou périmé : la page, en français', contentType: 'text/html' },
          403: { description: 'Jeton d’une autre clé : la page, en français', contentType: 'text/html' },
          429: { description: 'Limite de l’API dépassée : page en français', contentType: 'text/html' },
        },
      },
      (ctx) => myData.erase(ctx),
    )
    .add(
      {
        method: 'post',
        path: '/ma-commune',
        tag: 'pages',
        summary:
          'Choisit (ou oublie) la commune du visiteur : un cookie « commune » de ce site, puis retour à la page (303)',
        responses: {
          303: { description: 'Vers la page du formulaire' },
          400: { description: 'Commune inconnue : page en français', contentType: 'text/html' },
        },
      },
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
  return addWishPages(group, deps, withBadRequest);
}

const FORM_POST_RESPONSES: RouteDoc['responses'] = {
  303: { description: 'Enregistré : vers la page suivante' },
  400: { description: 'Formulaire refusé : la page, avec les messages en français', contentType: 'text/html' },
  404: { description: 'Souhait inconnu', contentType: 'text/html' },
};

/** The wishes' pages (hub/voice): list, form, follow-up links, one wish and « Moi aussi ». */
function addWishPages(group: RouteGroup, deps: PortalDeps, withBadRequest: RouteDoc['responses']): RouteGroup {
  const form = serveWishForm(deps);
  const confirm = serveFollowUp(deps, 'confirmer');
  const stop = serveFollowUp(deps, 'arreter');
  const token = { jeton: { description: 'Le jeton du lien reçu par e-mail' } };
  return group
    .add(
      page('/souhaits', 'Les souhaits de contenus : tri, filtres, pages, délais de réponse des partenaires', {
        query: {
          tri: { description: 'supports (défaut), recent ou answered' },
          statut: { description: 'nouveau, a-l-etude, accepte, publie, refuse ou doublon' },
          theme: { description: 'Un thème' },
          commune: { description: 'Code INSEE 988xx' },
          page: SEARCH_QUERY.page!,
        },
        responses: withBadRequest,
      }),
      serveWishes(deps),
    )
    .add(
      page('/souhaits/proposer', '« Proposer un contenu » : le formulaire (sans JavaScript), puis le merci', {
        query: {
          titre: { description: 'Titre déjà rempli (depuis une recherche sans résultat)' },
          campagne: { description: 'La publication (réseau social) qui a amené ici, gardée avec le souhait' },
          merci: { description: '1 : la proposition est enregistrée' },
        },
      }),
      (ctx) => form.show(ctx),
    )
    .add(
      {
        method: 'post',
        path: '/souhaits/proposer',
        tag: 'pages',
        summary: 'Enregistre un souhait (formulaire du navigateur), puis 303 vers le merci',
        responses: FORM_POST_RESPONSES,
      },
      (ctx) => form.post(ctx),
    )
    .add(page('/souhaits/suivi/confirmer', 'Confirmer le suivi par e-mail (bouton)', { query: token }), (ctx) =>
      confirm.show(ctx),
    )
    .add(
      {
        method: 'post',
        path: '/souhaits/suivi/confirmer',
        tag: 'pages',
        summary: 'Confirme l’adresse de suivi (double opt-in)',
        responses: {
          200: HTML,
          400: FORM_POST_RESPONSES[400]!,
          404: { description: 'Lien inconnu', contentType: 'text/html' },
        },
      },
      (ctx) => confirm.post(ctx),
    )
    .add(page('/souhaits/suivi/arreter', 'Arrêter le suivi par e-mail (bouton)', { query: token }), (ctx) =>
      stop.show(ctx),
    )
    .add(
      {
        method: 'post',
        path: '/souhaits/suivi/arreter',
        tag: 'pages',
        summary: 'Arrête le suivi : l’adresse est effacée',
        responses: { 200: HTML, 400: FORM_POST_RESPONSES[400]! },
      },
      (ctx) => stop.post(ctx),
    )
    .add(
      page('/souhaits/:id', 'Un souhait : texte, soutiens, « Moi aussi », réponses, historique daté et signé', {
        query: { etat: { description: 'Ce qui vient de se passer : soutenu, retire, ferme ou nouveau' } },
      }),
      serveWish(deps),
    )
    .add(
      {
        method: 'post',
        path: '/souhaits/:id/soutien',
        tag: 'pages',
        summary: '« Moi aussi » (action=soutenir) ou son retrait (action=retirer), sans JavaScript, puis 303',
        responses: FORM_POST_RESPONSES,
      },
      serveSupport(deps),
    )
    .add(
      {
        method: 'get',
        path: '/assets/souhaits.:hash.js',
        tag: 'pages',
        summary: 'Le script des souhaits (suggestions pendant la saisie), immuable sous son empreinte',
        responses: { 200: { description: 'JavaScript', contentType: 'application/javascript' } },
      },
      serveWishScript,
    );
}
