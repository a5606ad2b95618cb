/**
 * /souhaits/:id: one wish — its text, status, supports and « Moi aussi » (a form: works
 * without JavaScript), its answers and links, and its dated, signed history.
 */
import { applyFrenchTypography, Button, formatDate, Notice, Tag } from '../../hub/ui/index.js';
import type { PublicWish } from '../../hub/voice/index.js';
import { FeedLinks } from '../components/feed-links.js';
import { formatSupports } from '../components/wish-card.js';
import { WishHistory } from '../components/wish-history.js';
import { PortalLayout } from '../layout.js';
import { itemPath } from '../view/cards.js';
import { getTopicLabel } from '../view/topics.js';
import { getWishStatusLabel, getWishStatusTone, wishPath } from '../view/wishes.js';
import { ShareLinks, SHARE_SCRIPT } from '../components/share-links.js';

const CLOSED = ['publie', 'refuse', 'doublon'];

/** What just happened, said once at the top (after a redirect). */
export type WishNotice = 'soutenu' | 'retire' | 'ferme' | 'nouveau';

export interface WishPageProps {
  wish: PublicWish;
  /** The visitor supports it (known only when the visitor has the portal's cookie). */
  supported: boolean;
  /** The item that answers it and the wish it duplicates, with their titles. */
  answeringItem?: { id: string; title: string };
  duplicateOf?: { id: string; title: string };
  notice?: WishNotice;
}

const NOTICES: Record<WishNotice, { kind: 'success' | 'info'; title: string; text?: string }> = {
  soutenu: { kind: 'success', title: 'Votre soutien est enregistré.', text: 'Vous pouvez le retirer à tout moment.' },
  retire: { kind: 'info', title: 'Votre soutien est retiré.' },
  ferme: { kind: 'info', title: 'Ce souhait a reçu sa réponse : il ne prend plus de soutiens.' },
  nouveau: {
    kind: 'success',
    title: 'Merci, votre souhait est publié.',
    text: 'Les partenaires concernés le verront.',
  },
};

function describe(wish: PublicWish): string {
  const text = `${wish.body.replace(/\s+/g, ' ')}`;
  return text.length > 200 ? `${text.slice(0, 197).replace(/\s+\S*$/, '')}…` : text;
}

function SupportForm({ wish, supported }: { wish: PublicWish; supported: boolean }) {
  const count = (
    <p class="pl-wish-support__count" id="soutiens">
      <strong>{formatSupports(wish.supports)}</strong>
    </p>
  );
  // A closed wish takes no more supports, but a supporter may still withdraw.
  if (CLOSED.includes(wish.status) && !supported) return <div class="pl-wish-support">{count}</div>;
  return (
    <form method="post" action={`${wishPath(wish.id)}/soutien`} class="pl-wish-support">
      {count}
      {supported ? (
        <>
          <p>Vous soutenez ce souhait.</p>
          <Button type="submit" variant="secondary" name="action" value="retirer">
            Retirer mon soutien
          </Button>
        </>
      ) : (
        <Button type="submit" name="action" value="soutenir">
          Moi aussi
        </Button>
      )}
    </form>
  );
}

export function WishPage(props: WishPageProps) {
  const { wish } = props;
  const notice = props.notice ? NOTICES[props.notice] : undefined;
  return (
    <PortalLayout
      title={applyFrenchTypography(wish.title)}
      breadcrumbs={[{ label: 'Accueil', href: '/' }, { label: 'Souhaits', href: '/souhaits' }, { label: wish.title }]}
      scripts={[SHARE_SCRIPT]}
      meta={{
        canonicalPath: wishPath(wish.id),
        ogType: 'article',
        description: describe(wish),
        feeds: [{ title: `Historique du souhait « ${wish.title} »`, base: `/feeds/wishes/${wish.id}` }],
      }}
    >
      {notice && (
        <Notice kind={notice.kind} title={notice.title}>
          {notice.text ? applyFrenchTypography(notice.text) : undefined}
        </Notice>
      )}
      <p class="pl-wish-card__facts">
        <Tag tone={getWishStatusTone(wish.status)}>{getWishStatusLabel(wish.status)}</Tag>
        <span>
          {'Proposé le '}
          <time datetime={wish.createdAt}>{formatDate(new Date(wish.createdAt))}</time>
        </span>
        {wish.communeName && <span>{wish.communeName}</span>}
        {wish.topic && <span>{getTopicLabel(wish.topic)}</span>}
        {wish.audience && <span>{`Pour les ${wish.audience}`}</span>}
      </p>
      <div class="pl-wish-body">
        {wish.body.split(/\n{2,}/).map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </div>
      <SupportForm wish={wish} supported={props.supported} />
      <WishAnswer {...props} />
      <WishHistory wish={wish} />
      <FeedLinks
        feed={{ title: `Historique du souhait « ${wish.title} »`, base: `/feeds/wishes/${wish.id}` }}
        label="Suivre ce souhait"
      />
      <ShareLinks path={wishPath(wish.id)} title={wish.title} />
      <p>
        <a href="/souhaits">{applyFrenchTypography('Tous les souhaits')}</a>
      </p>
    </PortalLayout>
  );
}

function WishAnswer({ wish, answeringItem, duplicateOf }: WishPageProps) {
  if (!wish.answer && !answeringItem && !duplicateOf && !wish.partners.length) return null;
  return (
    <section class="pl-section" aria-labelledby="reponse">
      <h2 class="pl-section__title" id="reponse">
        Réponse
      </h2>
      {wish.partners.length > 0 && (
        <p>{applyFrenchTypography(`Confié à : ${wish.partners.map((p) => p.name).join(', ')}.`)}</p>
      )}
      {wish.answer && <blockquote class="pl-wish-answer">{wish.answer}</blockquote>}
      {answeringItem && (
        <p>
          {applyFrenchTypography('La page publiée en réponse : ')}
          <a href={itemPath(answeringItem.id)}>{answeringItem.title}</a>
        </p>
      )}
      {duplicateOf && (
        <p>
          {applyFrenchTypography('Ce souhait rejoint un souhait semblable, qui continue : ')}
          <a href={wishPath(duplicateOf.id)}>{duplicateOf.title}</a>
        </p>
      )}
    </section>
  );
}
