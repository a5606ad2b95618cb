/** A whole fiche as one HTML body: introduction, text, then its services, contacts and links. */
import { escapeHtml, link, renderChildren, renderNode, serviceLink, type RenderContext } from './to-html.js';
import { servicePublicUrl } from './service-public.js';
import { childElements, firstChild, textContent, type XmlElement } from './xml-tree.js';

/** Renders the reader-facing parts of a fiche (Publication or ServiceComplementaire). */
export function renderFicheBody(root: XmlElement, audience?: string): string {
  const ctx: RenderContext = { level: 2, ...(audience ? { audience } : {}) };
  const parts = [
    renderChildren(firstChild(root, 'Introduction') ?? emptyElement(), ctx),
    renderChildren(firstChild(root, 'Texte') ?? emptyElement(), ctx),
    // One fiche in six holds its text per situation (« Location vide », « Location meublée »):
    // each is a titled section with its own introduction and text.
    renderChildren(firstChild(root, 'ListeSituations') ?? emptyElement(), ctx),
    renderWebLinks(root),
    renderList(
      'Services en ligne et formulaires',
      childElements(root, 'ServiceEnLigne').map((el) => serviceLink(el, ctx)),
    ),
    renderContacts(root, ctx),
    renderList('Pour en savoir plus', childElements(root, 'PourEnSavoirPlus').map(titledLink)),
    renderList(
      'Voir aussi',
      childElements(firstChild(root, 'VoirAussi') ?? emptyElement(), 'Fiche').map((el) => ficheLink(el, ctx)),
    ),
    renderList(
      'Questions ? Réponses !',
      childElements(root, 'QuestionReponse').map((el) => ficheLink(el, ctx)),
    ),
    renderList('Textes de référence', childElements(root, 'Reference').map(titledLink)),
  ];
  return parts.filter(Boolean).join('\n');
}

/** ServiceComplementaire: the service itself (LienWeb), named after its provider. */
function renderWebLinks(root: XmlElement): string {
  return childElements(root, 'LienWeb')
    .filter((el) => el.attrs.URL)
    .map((el) => {
      const source = textContent(firstChild(el, 'Source'));
      return `<p>${link(el.attrs.URL, 'Accéder au service')}${source ? ` (${escapeHtml(source)})` : ''}</p>`;
    })
    .join('');
}

function renderContacts(root: XmlElement, ctx: RenderContext): string {
  const contacts = childElements(root, 'OuSAdresser');
  if (!contacts.length) return '';
  return `<h2>Où s'adresser ?</h2>${contacts.map((el) => renderNode(el, { ...ctx, level: 3 })).join('')}`;
}

function renderList(title: string, itemsHtml: string[]): string {
  if (!itemsHtml.length) return '';
  return `<h2>${escapeHtml(title)}</h2><ul>${itemsHtml.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

function titledLink(el: XmlElement): string {
  const title = textContent(firstChild(el, 'Titre')) || el.attrs.URL || '';
  return link(el.attrs.URL, escapeHtml(title));
}

/** A link to another fiche by its ID (text: its Titre, or its own text). */
function ficheLink(el: XmlElement, ctx: RenderContext): string {
  const title = textContent(firstChild(el, 'Titre')) || textContent(el) || el.attrs.ID || '';
  const href = el.attrs.ID ? servicePublicUrl(el.attrs.ID, el.attrs.audience ?? ctx.audience) : undefined;
  return link(href, escapeHtml(title));
}

function emptyElement(): XmlElement {
  return { name: '', attrs: {}, children: [] };
}
