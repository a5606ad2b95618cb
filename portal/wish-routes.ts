/** The wishes' pages (hub/voice): list, form, follow-up links, one wish and « Moi aussi ». */
import type { RouteDoc, RouteGroup } from '../hub/http/index.js';
import type { PortalDeps } from './deps.js';
import { formPost, HTML, page, SEARCH_QUERY, WITH_BAD_REQUEST } from './route-docs.js';
import { serveWishScript } from './routes/assets.js';
import { serveFollowUp } from './routes/follow-up.js';
import { serveWishForm } from './routes/wish-form.js';
import { serveSupport, serveWish, serveWishes } from './routes/wishes.js';

const FORM_POST_RESPONSES: RouteDoc['responses'] = {
  303: { description: 'Enregistré : vers la page suivante' },
  400: { description: 'Formulaire refusé : la page, avec les messages en français', contentType: 'text/html' },
  404: { description: 'Souhait inconnu', contentType: 'text/html' },
};

/** Adds the wishes' pages to the portal's group. */
export function addWishPages(group: RouteGroup, deps: PortalDeps): RouteGroup {
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
        responses: WITH_BAD_REQUEST,
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
      formPost(
        '/souhaits/proposer',
        'Enregistre un souhait (formulaire du navigateur), puis 303 vers le merci',
        FORM_POST_RESPONSES,
      ),
      (ctx) => form.post(ctx),
    )
    .add(page('/souhaits/suivi/confirmer', 'Confirmer le suivi par e-mail (bouton)', { query: token }), (ctx) =>
      confirm.show(ctx),
    )
    .add(
      formPost('/souhaits/suivi/confirmer', 'Confirme l’adresse de suivi (double opt-in)', {
        200: HTML,
        400: FORM_POST_RESPONSES[400]!,
        404: { description: 'Lien inconnu', contentType: 'text/html' },
      }),
      (ctx) => confirm.post(ctx),
    )
    .add(page('/souhaits/suivi/arreter', 'Arrêter le suivi par e-mail (bouton)', { query: token }), (ctx) =>
      stop.show(ctx),
    )
    .add(
      formPost('/souhaits/suivi/arreter', 'Arrête le suivi : l’adresse est effacée', {
        200: HTML,
        400: FORM_POST_RESPONSES[400]!,
      }),
      (ctx) => stop.post(ctx),
    )
    .add(
      page('/souhaits/:id', 'Un souhait : texte, soutiens, « Moi aussi », réponses, historique daté et signé', {
        query: { etat: { description: 'Ce qui vient de se passer : soutenu, retire, ferme ou nouveau' } },
      }),
      serveWish(deps),
    )
    .add(
      formPost(
        '/souhaits/:id/soutien',
        '« Moi aussi » (action=soutenir) ou son retrait (action=retirer), sans JavaScript, puis 303',
        FORM_POST_RESPONSES,
      ),
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
