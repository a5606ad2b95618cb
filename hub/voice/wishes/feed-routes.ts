/** GET /feeds/wishes.{rss,atom,json} (new and answered wishes) and /feeds/wishes/:id.{…} (one history). */
import type { Context } from 'koa';
import { RouteGroup } from '../../http/index.js';
import { NotFound } from '../../domain-errors.js';
import { isFeedFormat, toCachedDocument, type FeedFormat } from '../../syndication/index.js';
import type { VoiceDeps } from '../deps.js';
import { historyToItems, renderWishFeed, wishToItem } from './feed.js';
import { loadPublicWish } from './supports.js';
import { WishModel, type WishDoc } from './wish-model.js';

const FEED_SIZE = 50;
const FORMATS = 'application/rss+xml | application/atom+xml | application/feed+json';

function formatParam(ctx: Context): FeedFormat {
  const format = String(ctx.params.format ?? '');
  if (!isFeedFormat(format)) throw new NotFound(`le format ${format}`);
  return format;
}

function send(ctx: Context, rendered: { body: string; updated: Date; contentType: string }): void {
  const doc = toCachedDocument(rendered, '', new Date());
  ctx.set('Cache-Control', 'public, max-age=300');
  ctx.set('ETag', doc.etag);
  ctx.set('Last-Modified', doc.lastModified);
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.set('Content-Type', doc.contentType);
  ctx.body = doc.body;
}

/** The wish feed routes. */
export function wishFeedRoutes(deps: VoiceDeps): RouteGroup {
  const publicUrl = deps.config.publicUrl;
  return new RouteGroup()
    .add(
      {
        method: 'get',
        path: '/feeds/wishes.:format',
        tag: 'feeds',
        summary: 'New and answered wishes (rss, atom or json), latest step first',
        responses: { 200: { description: 'Feed', contentType: FORMATS }, 304: { description: 'Unchanged' } },
      },
      async (ctx) => {
        const format = formatParam(ctx);
        const wishes = await WishModel.find({ moderation: 'published' }, { moderationLog: 0 })
          .sort({ updatedAt: -1, _id: 1 })
          .limit(FEED_SIZE)
          .lean<WishDoc[]>();
        send(
          ctx,
          renderWishFeed({
            format,
            items: wishes.map((w) => wishToItem(w, publicUrl)),
            partners: await deps.partners(),
            publicUrl,
            path: '/feeds/wishes',
            title: 'Souhaits des citoyens — Passerelle',
            description: 'Les contenus que les citoyens demandent, et les réponses des partenaires',
            alternatePath: '/souhaits',
          }),
        );
      },
    )
    .add(
      {
        method: 'get',
        path: '/feeds/wishes/:id.:format',
        tag: 'feeds',
        summary: "One wish's history (rss, atom or json), each step signed and dated",
        responses: {
          200: { description: 'Feed', contentType: FORMATS },
          304: { description: 'Unchanged' },
          404: { description: 'Unknown wish' },
        },
      },
      async (ctx) => {
        const format = formatParam(ctx);
        const wish = await loadPublicWish(String(ctx.params.id ?? ''));
        send(
          ctx,
          renderWishFeed({
            format,
            items: historyToItems(wish, publicUrl),
            partners: await deps.partners(),
            publicUrl,
            path: `/feeds/wishes/${wish._id}`,
            title: `Souhait « ${wish.title} » — historique`,
            description: 'Chaque étape du souhait, datée et signée par le partenaire',
            alternatePath: `/souhaits/${wish._id}`,
          }),
        );
      },
    );
}
