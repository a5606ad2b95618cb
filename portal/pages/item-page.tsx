/**
 * /articles/:id: one item — title, partner, dates (an event's start, end and place), the
 * partner's own page as the primary action and the item's online services as buttons, the
 * content (a table of contents for long texts, a fiche's blocks as such), audience,
 * territory and topics, likes and comments, related items.
 */
import type { ComponentChildren } from 'preact';
import {
  applyFrenchTypography,
  Button,
  EventDetails,
  SanitizedHtml,
  TypeBadge,
  formatDate,
} from '../../hub/ui/index.js';
import type { Item, ItemLinks } from '../../schemas/index.js';
import { CardSection } from '../components/card-list.js';
import { FicheBlocks, ServiceButtons } from '../components/fiche-blocks.js';
import { ItemFacts } from '../components/item-facts.js';
import { Reactions } from '../components/reactions.js';
import { TableOfContents } from '../components/table-of-contents.js';
import type { PreparedContent } from '../content/prepare-content.js';
import { PortalLayout } from '../layout.js';
import type { LinkedCard } from '../view/cards.js';
import type { PartnerRef } from '../view/partner-words.js';

/** A text gets a table of contents from this many sections and subsections. */
const TOC_FROM = 4;
/** Online services shown as buttons at the top (all are listed in their block). */
const TOP_SERVICES = 2;

export interface ItemPageProps {
  item: Item;
  partner?: PartnerRef;
  content?: PreparedContent;
  links: ItemLinks;
  readOnLabel: string;
  related: LinkedCard[];
  widgetScript: string;
  canonicalPath: string;
  structuredData: Record<string, unknown>[];
  /** Where « Cette page vous a-t-elle été utile ? » goes (citizens' voice, issue 12). */
  feedback?: ComponentChildren;
}

export function ItemPage(props: ItemPageProps) {
  const { item, partner, content } = props;
  const partnerName = partner?.name ?? item.partnerId;
  return (
    <PortalLayout
      title={item.title}
      heading={applyFrenchTypography(item.title)}
      breadcrumbs={[
        { label: 'Accueil', href: '/' },
        { label: partner?.shortName ?? partnerName, href: `/partenaires/${item.partnerId}` },
        { label: item.title },
      ]}
      meta={{
        canonicalPath: props.canonicalPath,
        description: item.summary ?? `${item.title} — publié par ${partnerName}.`,
        ogType: 'article',
        structuredData: props.structuredData,
      }}
      scripts={[props.widgetScript]}
      lede={item.summary && applyFrenchTypography(item.summary)}
      intro={<ItemHead {...props} partnerName={partnerName} />}
    >
      {content && countSections(content) >= TOC_FROM && <TableOfContents entries={content.toc} />}
      {content && content.html && <SanitizedHtml as="div" class="pl-prose pl-content" id="texte" html={content.html} />}
      {content && content.imagesLeftOut > 0 && (
        <p class="pl-muted">
          {applyFrenchTypography(
            `${content.imagesLeftOut > 1 ? `Les ${content.imagesLeftOut} images` : "L'image"} de cette page ${content.imagesLeftOut > 1 ? 'sont visibles' : 'est visible'} sur le site du partenaire.`,
          )}
        </p>
      )}
      <FicheBlocks links={props.links} />
      <ItemFacts item={item} partnerName={partnerName} />
      {props.feedback}
      <Reactions itemId={item.id} />
      <CardSection id="voir-aussi-portail" title="Sur le même sujet" cards={props.related} />
    </PortalLayout>
  );
}

function countSections(content: PreparedContent): number {
  return content.toc.reduce((n, entry) => n + 1 + entry.children.length, 0);
}

function ItemHead(props: ItemPageProps & { partnerName: string }) {
  const { item } = props;
  const services = props.links.services ?? [];
  return (
    <div class="pl-item-head">
      <p class="pl-item-head__kicker">
        <TypeBadge type={item.type} />
        <span>
          {'Publié par '}
          <a href={`/partenaires/${item.partnerId}`}>{props.partnerName}</a>
        </span>
      </p>
      {item.event && <EventDetails event={item.event} />}
      {item.updatedAt && (
        <p class="pl-item-head__date">
          {'Mis à jour le '}
          <time dateTime={item.updatedAt}>{formatDate(item.updatedAt)}</time>
        </p>
      )}
      <div class="pl-button-group">
        <Button href={item.url}>{applyFrenchTypography(props.readOnLabel)}</Button>
        <ServiceButtons services={services.slice(0, TOP_SERVICES)} />
      </div>
    </div>
  );
}
