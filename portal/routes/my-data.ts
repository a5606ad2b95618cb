/**
 * « Mes données » without JavaScript: GET /mes-donnees (what the cookie's visitor key
 * holds), GET /mes-donnees/telecharger (the API's export, as an attachment), GET and POST
 * /mes-donnees/effacer (a confirmation, then the API's erasure and the cookie forgotten).
 * Everything goes through the hub's visitor-data service, under the API's limit per
 * address; the POST is refused from another site and without its one-use form token.
 */
import type { Context } from 'koa';
import { h } from 'preact';
import { notFound, toHttpError } from '../../hub/http/index.js';
import type { FullVisitorExport, VisitorDataService } from '../../hub/interaction/index.js';
import type { PortalDeps } from '../deps.js';
import { MyDataPage, type MyDataCounts, type MyDataPageProps } from '../pages/my-data-page.js';
import { sendPortalPage } from '../site/send-portal-page.js';
import { readFormBody } from './commune-choice.js';
import { forgetVisitorCookie, readVisitorKey, refuseCrossSite } from './visitor-cookie.js';

const LIMITED = 'Trop de demandes depuis votre connexion : réessayez dans 10 minutes.';

function countsOf(data: FullVisitorExport): MyDataCounts {
  const size = (key: string) => (Array.isArray(data[key]) ? (data[key] as unknown[]).length : 0);
  return {
    likes: size('likes'),
    comments: size('comments'),
    flags: size('flags') + size('wishFlags'),
    feedback: size('feedback'),
    wishes: size('wishes'),
    supports: size('supports'),
    followUps: size('followUps'),
  };
}

/** A refusal of the service as the page's French message, or undefined (then thrown on). */
function describeRefusal(err: unknown): { status: number; message: string } | undefined {
  const problem = toHttpError(err);
  if (!problem || problem.status >= 500) return undefined;
  if (problem.code === 'rate_limited') return { status: 429, message: LIMITED };
  if (problem.code === 'too_fast' || problem.code === 'form_token_expired' || problem.code === 'form_token_used')
    return { status: 400, message: 'La confirmation a été renouvelée : vérifiez et confirmez à nouveau.' };
  return {
    status: problem.status === 403 ? 403 : 400,
    message: 'Cette demande d’effacement n’a pas été faite depuis ce site : rien n’a été effacé.',
  };
}

export function serveMyData(deps: PortalDeps) {
  const secure = deps.publicUrl.startsWith('https:');
  const service = (): VisitorDataService => {
    if (!deps.visitorData || !deps.voice) throw notFound('la page');
    return deps.visitorData;
  };
  /** The visitor hash of the cookie, or undefined without one. */
  const visitorOf = (ctx: Context): string | undefined => {
    const key = readVisitorKey(ctx);
    return key ? deps.voice!.hashVisitor(key) : undefined;
  };
  async function send(ctx: Context, props: MyDataPageProps, status = 200): Promise<void> {
    ctx.set('Referrer-Policy', 'no-referrer');
    await sendPortalPage(ctx, deps.publicUrl, h(MyDataPage, props), { status, cacheControl: 'no-store' });
  }
  /** The visitor's export under the API's limit; a 429 page when over. */
  async function load(ctx: Context, data: VisitorDataService, visitor: string): Promise<FullVisitorExport | undefined> {
    try {
      await data.limit(await data.hashAddress(ctx));
    } catch (err) {
      if (describeRefusal(err)?.status !== 429) throw err;
      await send(ctx, { error: LIMITED }, 429);
      return undefined;
    }
    return data.export(visitor);
  }

  return {
    async show(ctx: Context): Promise<void> {
      const data = service();
      const erased = ctx.query.efface === '1';
      const visitor = visitorOf(ctx);
      if (!visitor) return send(ctx, { erased });
      const exported = await load(ctx, data, visitor);
      if (exported) await send(ctx, { counts: countsOf(exported), erased });
    },
    async download(ctx: Context): Promise<void> {
      const data = service();
      const visitor = visitorOf(ctx);
      if (!visitor) {
        ctx.status = 303;
        return ctx.redirect('/mes-donnees');
      }
      const exported = await load(ctx, data, visitor);
      if (!exported) return;
      ctx.set('Cache-Control', 'no-store');
      ctx.attachment(`mes-donnees-passerelle-${exported.exportedAt.slice(0, 10)}.json`);
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = `${JSON.stringify(exported, null, 2)}\n`;
    },
    async confirm(ctx: Context): Promise<void> {
      const data = service();
      const visitor = visitorOf(ctx);
      if (!visitor) return send(ctx, {});
      const exported = await load(ctx, data, visitor);
      if (!exported) return;
      await send(ctx, { counts: countsOf(exported), confirm: { formToken: await data.erasureFormToken(visitor) } });
    },
    async erase(ctx: Context): Promise<void> {
      const data = service();
      refuseCrossSite(ctx, 'formToken');
      const form = await readFormBody(ctx, 'formToken');
      const visitor = visitorOf(ctx);
      if (!visitor)
        return send(ctx, { error: 'Ce navigateur n’a pas de clé de visiteur : il n’y a rien à effacer.' }, 400);
      try {
        await data.limit(await data.hashAddress(ctx));
        await data.spendErasureToken(form.get('formToken') ?? '', visitor);
      } catch (err) {
        const refusal = describeRefusal(err);
        if (!refusal) throw err;
        const exported = await data.export(visitor);
        const again = refusal.status === 429 ? {} : { confirm: { formToken: await data.erasureFormToken(visitor) } };
        return send(ctx, { counts: countsOf(exported), error: refusal.message, ...again }, refusal.status);
      }
      await data.erase(visitor);
      forgetVisitorCookie(ctx, secure);
      ctx.status = 303;
      ctx.redirect('/mes-donnees?efface=1');
    },
  };
}
