/**
 * A fiche's blocks of links, structured: « Services en ligne et formulaires » (and a
 * service's own address, LienWeb), « Questions ? Réponses ! », « Voir aussi », « Pour en
 * savoir plus », « Textes de référence ». Titles are plain text; the shared finalizer
 * checks the addresses.
 */
import { toUri, type DraftItem } from '../shared/index.js';
import { servicePublicUrl } from './service-public.js';
import { childElements, firstChild, textContent, type XmlElement } from './xml-tree.js';

type DraftLink = { title: string; url?: string; kind?: string };

const text = (el: XmlElement | undefined) => textContent(el).replace(/\s+/g, ' ').trim();

/** ServiceEnLigne: its own URL, else its fiche; its type (« Téléservice », « Formulaire »…) as kind. */
function serviceLink(el: XmlElement, audience: string | undefined): DraftLink {
  return {
    title: text(firstChild(el, 'Titre')) || el.attrs.ID || 'Service en ligne',
    url: toUri(el.attrs.URL) || (el.attrs.ID ? servicePublicUrl(el.attrs.ID, audience) : undefined),
    ...(el.attrs.type ? { kind: el.attrs.type } : {}),
  };
}

/** A service fiche (R…) leads to the service itself: its LienWeb, named after the fiche. */
function webLinks(root: XmlElement, title: string, kind: string | undefined): DraftLink[] {
  return childElements(root, 'LienWeb')
    .filter((el) => el.attrs.URL)
    .map((el) => ({
      title: text(firstChild(el, 'Source')) ? `${title} (${text(firstChild(el, 'Source'))})` : title,
      url: toUri(el.attrs.URL),
      ...(kind ? { kind } : {}),
    }));
}

/** A link to another fiche by its ID (title: its Titre, or its own text). */
function ficheLink(el: XmlElement, audience: string | undefined): DraftLink {
  return {
    title: text(firstChild(el, 'Titre')) || text(el) || el.attrs.ID || '',
    url: el.attrs.ID ? servicePublicUrl(el.attrs.ID, el.attrs.audience ?? audience) : undefined,
  };
}

function titledLink(el: XmlElement): DraftLink {
  return {
    title: text(firstChild(el, 'Titre')) || el.attrs.URL || '',
    url: toUri(el.attrs.URL),
    ...(el.attrs.type ? { kind: el.attrs.type } : {}),
  };
}

/** Every block of the fiche, for DraftItem.links. */
export function readFicheLinks(root: XmlElement, title: string, audience: string | undefined): DraftItem['links'] {
  const seeAlso = firstChild(root, 'VoirAussi');
  return {
    services: [
      ...webLinks(root, title, root.attrs.type),
      ...childElements(root, 'ServiceEnLigne').map((el) => serviceLink(el, audience)),
    ],
    questions: childElements(root, 'QuestionReponse').map((el) => ficheLink(el, audience)),
    seeAlso: seeAlso ? childElements(seeAlso, 'Fiche').map((el) => ficheLink(el, audience)) : [],
    moreInfo: childElements(root, 'PourEnSavoirPlus').map(titledLink),
    references: childElements(root, 'Reference').map(titledLink),
  };
}
