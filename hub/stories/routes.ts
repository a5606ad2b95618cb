/**
 * POST /api/v1/admin/items/:id/story/detach — a partner takes its item out of a wrong
 * story (its partner's admins and editors, or a platform admin). The item is then shown on
 * its own in search, listings and feeds, and is never grouped again.
 */
import { getPrincipal } from '../auth/index.js';
import { RouteGroup } from '../http/index.js';
import { detachItem } from './detach.js';

/** The detach route; `onChanged` makes search show the item on its own. */
export function storyRoutes(onChanged: () => void): RouteGroup {
  return new RouteGroup().add(
    {
      method: 'post',
      path: '/api/v1/admin/items/:id/story/detach',
      tag: 'admin',
      auth: 'bearer',
      summary: "Détacher un contenu d'une histoire regroupée à tort (il ne sera plus regroupé)",
      responses: {
        200: {
          description: 'Détaché',
          schema: {
            type: 'object',
            properties: { id: { type: 'string' }, partnerId: { type: 'string' }, storyDetached: { type: 'boolean' } },
          },
        },
        403: { description: "Contenu d'un autre partenaire" },
        404: { description: 'Contenu inconnu' },
      },
    },
    async (ctx) => {
      ctx.body = await detachItem(getPrincipal(ctx), String(ctx.params.id));
      onChanged();
    },
  );
}
