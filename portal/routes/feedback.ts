/**
 * GET and POST /articles/:id/avis: page feedback without JavaScript. The visitor is the
 * first-party cookie `passerelle_visiteur` (routes/visitor-cookie.ts); the form
 * token, the honeypot and the limits are those of the API (the voice service).
 */
import type { Context } from 'koa';
import { h } from 'preact';
import { notFound, toHttpError } from '../../hub/http/index.js';
import type { FeedbackInput } from '../../schemas/index.js';
import type { PortalDeps } from '../deps.js';
import { FEEDBACK_REASONS, FeedbackPage, type FeedbackPageProps } from '../pages/feedback-page.js';
import { sendPortalPage } from '../site/send-portal-page.js';
import { readFormBody } from './commune-choice.js';
import { ensureVisitorKey as visitorKey, refuseCrossSite } from './visitor-cookie.js';

const FIELD_OF: Record<string, string> = { useful: 'utile', reasons: 'raisons', text: 'texte' };

export function serveFeedback(deps: PortalDeps) {
  const secure = deps.publicUrl.startsWith('https:');
  async function loadTitle(id: string): Promise<string> {
    const item = await deps.findItem(id);
    if (!item) throw notFound(`la publication ${id}`);
    return item.title;
  }
  async function render(ctx: Context, props: Omit<FeedbackPageProps, 'itemTitle'>, status = 200): Promise<void> {
    const voice = deps.voice;
    if (!voice) throw notFound('le formulaire');
    const itemTitle = await loadTitle(props.itemId);
    const key = visitorKey(ctx, secure);
    const formToken = props.thanks ? undefined : await voice.itemFormToken(props.itemId, voice.hashVisitor(key));
    await sendPortalPage(
      ctx,
      deps.publicUrl,
      h(FeedbackPage, { ...props, itemTitle, ...(formToken ? { formToken } : {}) }),
      {
        status,
        cacheControl: 'no-store',
      },
    );
  }

  return {
    async show(ctx: Context): Promise<void> {
      const itemId = String(ctx.params.id);
      const answer = ctx.query.reponse;
      await render(ctx, {
        itemId,
        thanks: ctx.query.merci === '1',
        ...(answer === 'oui' || answer === 'non' ? { useful: answer } : {}),
      });
    },
    async post(ctx: Context): Promise<void> {
      const itemId = String(ctx.params.id);
      refuseCrossSite(ctx, 'utile');
      const form = await readFormBody(ctx, 'utile');
      const raw = form.get('utile');
      const useful: 'oui' | 'non' | undefined = raw === 'oui' || raw === 'non' ? raw : undefined;
      const reasons = form.getAll('raisons').filter((r) => FEEDBACK_REASONS.some(([v]) => v === r));
      const text = (form.get('texte') ?? '').trim();
      const kept: Omit<FeedbackPageProps, 'itemTitle'> = { itemId, reasons, text, ...(useful ? { useful } : {}) };
      if (!useful)
        return render(ctx, { ...kept, errors: [{ field: 'utile', message: 'Répondez par oui ou par non.' }] }, 400);
      if ((form.get('website') ?? '').trim())
        return render(
          ctx,
          { ...kept, errors: [{ field: 'utile', message: "Le formulaire n'a pas pu être accepté." }] },
          400,
        );
      const item = await deps.findItem(itemId);
      if (!item || !deps.voice) throw notFound(`la publication ${itemId}`);
      const input: FeedbackInput = {
        useful: useful === 'oui',
        ...(useful === 'non' && reasons.length ? { reasons: reasons as FeedbackInput['reasons'] } : {}),
        ...(text ? { text: text.slice(0, 500) } : {}),
        formToken: form.get('formToken') ?? '',
      };
      try {
        await deps.voice.recordFeedback(
          { itemId, partnerId: item.partnerId },
          input,
          deps.voice.hashVisitor(visitorKey(ctx, secure)),
        );
      } catch (err) {
        const problem = toHttpError(err);
        if (!problem || problem.status >= 500) throw err;
        const field = FIELD_OF[problem.errors?.[0]?.field ?? ''] ?? 'utile';
        const message =
          problem.code.startsWith('form_token') || problem.code === 'too_fast'
            ? 'Le formulaire a été renouvelé : vérifiez vos réponses et envoyez-le à nouveau.'
            : (problem.detail ?? 'Votre avis n’a pas pu être enregistré.');
        return render(ctx, { ...kept, errors: [{ field, message }] }, 400);
      }
      ctx.status = 303;
      ctx.redirect(`/articles/${encodeURIComponent(itemId)}/avis?merci=1`);
    },
  };
}
