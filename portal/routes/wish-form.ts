/**
 * GET and POST /souhaits/proposer: a wish without JavaScript. The visitor is the portal's
 * cookie (routes/visitor-cookie.ts); the form token (3 s to 2 h old, one use), the
 * honeypot, the limits and the checks are the API's, through the voice service. A refusal
 * shows the form again, 400, with the French error summary and what was typed.
 */
import type { Context } from 'koa';
import { h } from 'preact';
import { toHttpError } from '../../hub/http/index.js';
import type { VoiceService } from '../../hub/voice/index.js';
import type { WishInput } from '../../schemas/index.js';
import type { FieldErrorEntry } from '../../hub/ui/index.js';
import { getWishScript } from '../client/script.js';
import type { PortalDeps } from '../deps.js';
import { WishFormPage, type WishFormPageProps, type WishFormValues } from '../pages/wish-form-page.js';
import { sendPortalPage } from '../site/send-portal-page.js';
import { AUDIENCE_CHOICES, listCommuneChoices } from '../view/wishes.js';
import { readFormBody } from './commune-choice.js';
import { ensureVisitorKey, refuseCrossSite } from './visitor-cookie.js';
import { requireVoice } from './wishes.js';

/** 2,000 characters of description, percent-encoded (up to 9 bytes for a character), and the rest. */
const MAX_FORM_BYTES = 24 * 1024;
const CAMPAIGN = /^[A-Za-z0-9._~-]{1,60}$/;
/** The API's field names → the form's. */
const FIELD_OF: Record<string, string> = {
  title: 'titre',
  body: 'description',
  email: 'email',
  commune: 'commune',
  audience: 'public',
};

/** The `campagne` of the link that opened the form (a social post), when it is well-formed. */
function readCampaign(value: unknown): string | undefined {
  return typeof value === 'string' && CAMPAIGN.test(value) ? value : undefined;
}

function readValues(form: URLSearchParams): WishFormValues {
  const get = (name: string) => (form.get(name) ?? '').trim();
  return {
    titre: get('titre'),
    description: get('description'),
    public: get('public'),
    commune: get('commune'),
    email: get('email'),
  };
}

function checkChoices(values: WishFormValues): FieldErrorEntry[] {
  const errors: FieldErrorEntry[] = [];
  if (!values.titre) errors.push({ field: 'titre', message: 'Dites en une ligne ce qui manque.' });
  if (!values.description) errors.push({ field: 'description', message: 'Décrivez votre besoin.' });
  if (values.public && !AUDIENCE_CHOICES.some((c) => c.value === values.public))
    errors.push({ field: 'public', message: 'Choisissez un public de la liste.' });
  if (values.commune && !listCommuneChoices().some((c) => c.value === values.commune))
    errors.push({ field: 'commune', message: 'Choisissez une commune de la liste.' });
  return errors;
}

/** A refusal of the voice service as messages of the form. */
function describeRefusal(err: unknown): FieldErrorEntry[] | undefined {
  const problem = toHttpError(err);
  if (!problem || problem.status >= 500) return undefined;
  if (problem.code.startsWith('form_token') || problem.code === 'too_fast')
    return [
      { field: 'titre', message: 'Le formulaire a été renouvelé : vérifiez votre texte et envoyez-le à nouveau.' },
    ];
  if (problem.code === 'duplicate_wish')
    return [{ field: 'titre', message: 'Vous avez déjà proposé un souhait avec ce titre.' }];
  if (problem.code === 'rate_limited')
    return [{ field: 'titre', message: 'Trop de propositions en peu de temps : réessayez dans une heure.' }];
  if (problem.errors?.length)
    return problem.errors.map((e) => ({
      field: FIELD_OF[e.field] ?? 'titre',
      message: `${e.message.charAt(0).toUpperCase()}${e.message.slice(1).replace(/'/g, '’')}.`,
    }));
  return [{ field: 'titre', message: problem.detail ?? 'Votre proposition n’a pas pu être enregistrée.' }];
}

export function serveWishForm(deps: PortalDeps) {
  const secure = deps.publicUrl.startsWith('https:');

  async function render(
    ctx: Context,
    voice: VoiceService,
    props: Omit<WishFormPageProps, 'script' | 'formToken'>,
    status = 200,
  ): Promise<void> {
    const key = ensureVisitorKey(ctx, secure);
    const formToken = props.thanks ? undefined : await voice.wishFormToken(voice.hashVisitor(key));
    const script = (await getWishScript()).href;
    await sendPortalPage(
      ctx,
      deps.publicUrl,
      h(WishFormPage, { ...props, script, ...(formToken ? { formToken } : {}) }),
      { status, cacheControl: 'no-store' },
    );
  }

  return {
    async show(ctx: Context): Promise<void> {
      const voice = requireVoice(deps);
      if (ctx.query.merci === '1') {
        const published = typeof ctx.query.souhait === 'string' ? ctx.query.souhait : undefined;
        const thanks = { followUp: ctx.query.suivi === '1', ...(published ? { publishedId: published } : {}) };
        return render(ctx, voice, { values: {}, thanks });
      }
      const titre = typeof ctx.query.titre === 'string' ? ctx.query.titre.trim().slice(0, 140) : '';
      const campaign = readCampaign(ctx.query.campagne);
      await render(ctx, voice, { values: { titre }, ...(campaign ? { campaign } : {}) });
    },

    async post(ctx: Context): Promise<void> {
      const voice = requireVoice(deps);
      refuseCrossSite(ctx, 'titre');
      const form = await readFormBody(ctx, 'titre', MAX_FORM_BYTES);
      const values = readValues(form);
      const campaign = readCampaign(form.get('campagne'));
      const kept = { values, ...(campaign ? { campaign } : {}) };
      const errors = (form.get('website') ?? '').trim()
        ? [{ field: 'titre', message: 'Le formulaire n’a pas pu être accepté.' }]
        : checkChoices(values);
      if (errors.length) return render(ctx, voice, { ...kept, errors }, 400);
      const input: WishInput = {
        title: values.titre!,
        body: values.description!,
        formToken: form.get('formToken') ?? '',
        ...(values.email ? { email: values.email } : {}),
        ...(values.commune ? { commune: values.commune } : {}),
        ...(values.public ? { audience: values.public as WishInput['audience'] } : {}),
        ...(campaign ? { campaign } : {}),
      };
      const visitor = voice.hashVisitor(ensureVisitorKey(ctx, secure));
      let created: Awaited<ReturnType<VoiceService['proposeWish']>>;
      try {
        created = await voice.proposeWish(input, visitor, await voice.hashAddress(ctx));
      } catch (err) {
        const refusal = describeRefusal(err);
        if (!refusal) throw err;
        return render(ctx, voice, { ...kept, errors: refusal }, 400);
      }
      const query = new URLSearchParams({ merci: '1' });
      if (created.moderation === 'published') query.set('souhait', created.id);
      if (created.followUp === 'sent') query.set('suivi', '1');
      ctx.status = 303;
      ctx.redirect(`/souhaits/proposer?${query}`);
    },
  };
}
