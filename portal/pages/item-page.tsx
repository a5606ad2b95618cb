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
import type { Item, ItemLinks, OnlineService } from '../../schemas/index.js';
import { CardSection } from '../components/card-list.js';
import { FicheBlocks, ServiceButtons } from '../components/fiche-blocks.js';
import { ChangeNotes, CoAuthors, UnreviewedNotice } from '../components/co-authors.js';
import { CommuneForm } from '../components/commune-form.js';
import { ContactCard } from '../components/contact-card.js';
import { ServiceCard } from '../components/service-card.js';
import type { LocalContact } from '../../hub/partners/index.js';
import { ItemFacts } from '../components/item-facts.js';
import { Reactions } from '../components/reactions.js';
import { ShareLinks, SHARE_SCRIPT } from '../components/share-links.js';
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
  /** Every partner by id: the co-authors of an open lab's item are named. */
  partners: ReadonlyMap<string, PartnerRef>;
  /** The item is the portal's own page (an open lab's): no « read on the partner's site ». */
  ownPage: boolean;
  /** Online services of the registry attached to this item. */
  onlineServices?: { service: OnlineService; partnerName: string }[];
  /** « Qui peut m'aider ? », when the item names local office kinds: the chosen commune's cards, or the form to choose it. */
  help?: { commune?: PartnerRef; communes: PartnerRef[]; contacts: LocalContact[] };
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
        ...(item.image?.key ? { image: { path: `/images/${item.image.key}/1280`, alt: item.image.alt } } : {}),
        structuredData: props.structuredData,
      }}
      scripts={[props.widgetScript, SHARE_SCRIPT]}
      lede={item.summary && applyFrenchTypography(item.summary)}
      intro={<ItemHead {...props} partnerName={partnerName} />}
    >
      <UnreviewedNotice item={item} partners={props.partners} />
      {content && countSections(content) >= TOC_FROM && <TableOfContents entries={content.toc} />}
      {content && content.html && <SanitizedHtml as="div" class="pl-prose pl-content" id="texte" html={content.html} />}
      {content && content.imagesLeftOut > 0 && (
        <p class="pl-muted">
          {applyFrenchTypography(
            `${content.imagesLeftOut > 1 ? `Les ${content.imagesLeftOut} images` : "L'image"} de cette page ${content.imagesLeftOut > 1 ? 'sont visibles' : 'est visible'} sur le site du partenaire.`,
          )}
        </p>
      )}
      {props.onlineServices && props.onlineServices.length > 0 && (
        <section class="pl-section" aria-labelledby="demarches-en-ligne">
          <h2 class="pl-section__title" id="demarches-en-ligne">
            Démarches en ligne
          </h2>
          <ul class="pl-services">
            {props.onlineServices.map(({ service, partnerName }) => (
              <li key={service.id}>
                <ServiceCard service={service} partnerName={partnerName} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.help && <WhoCanHelp {...props.help} returnTo={props.canonicalPath} />}
      <FicheBlocks links={props.links} />
      <ChangeNotes item={item} />
      <ItemFacts item={item} partnerName={partnerName} />
      {props.feedback}
      <ShareLinks path={props.canonicalPath} title={item.title} />
      <Reactions itemId={item.id} />
      <CardSection id="voir-aussi-portail" title="Sur le même sujet" cards={props.related} />
    </PortalLayout>
  );
}

function WhoCanHelp(props: NonNullable<ItemPageProps['help']> & { returnTo: string }) {
  return (
    <section class="pl-section" aria-labelledby="qui-peut-aider">
      <h2 class="pl-section__title" id="qui-peut-aider">
        {applyFrenchTypography("Qui peut m'aider ?")}
      </h2>
      {props.commune && props.contacts.length === 0 && (
        <p>
          {applyFrenchTypography(`Aucun guichet de ${props.commune.name} n'est encore indiqué pour cette démarche.`)}
        </p>
      )}
      {props.contacts.map((contact) => (
        <ContactCard key={contact.partner.id} contact={contact} />
      ))}
      <CommuneForm
        communes={props.communes}
        {...(props.commune ? { chosen: props.commune } : {})}
        returnTo={props.returnTo}
      />
    </section>
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
      <CoAuthors item={item} partners={props.partners} />
      {item.event && <EventDetails event={item.event} />}
      {item.updatedAt && (
        <p class="pl-item-head__date">
          {'Mis à jour le '}
          <time dateTime={item.updatedAt}>{formatDate(item.updatedAt)}</time>
        </p>
      )}
      <div class="pl-button-group">
        {!props.ownPage && <Button href={item.url}>{applyFrenchTypography(props.readOnLabel)}</Button>}
        <ServiceButtons services={services.slice(0, TOP_SERVICES)} />
      </div>
    </div>
  );
}
