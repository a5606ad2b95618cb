/**
 * A fiche's reading text as one HTML body: introduction, text, the situations it
 * distinguishes (« Demande en mairie », « Demande au consulat »…) and where to go. Its
 * blocks of links — online services, questions-answers, see also, more information,
 * reference texts — are kept apart, structured (fiche-links.ts).
 */
import { renderChildren, renderNode, type RenderContext } from './to-html.js';
import { childElements, firstChild, type XmlElement } from './xml-tree.js';

/** Renders the reader-facing text of a fiche (Publication or ServiceComplementaire). */
export function renderFicheBody(root: XmlElement, audience?: string): string {
  const ctx: RenderContext = { level: 2, ...(audience ? { audience } : {}) };
  const parts = [
    renderChildren(firstChild(root, 'Introduction') ?? emptyElement(), ctx),
    renderChildren(firstChild(root, 'Texte') ?? emptyElement(), ctx),
    // Situations (Situation: its Titre, then its Texte) become h2 sections.
    renderChildren(firstChild(root, 'ListeSituations') ?? emptyElement(), ctx),
    renderContacts(root, ctx),
  ];
  return parts.filter(Boolean).join('\n');
}

function renderContacts(root: XmlElement, ctx: RenderContext): string {
  const contacts = childElements(root, 'OuSAdresser');
  if (!contacts.length) return '';
  return `<h2>Où s'adresser ?</h2>${contacts.map((el) => renderNode(el, { ...ctx, level: 3 })).join('')}`;
}

function emptyElement(): XmlElement {
  return { name: '', attrs: {}, children: [] };
}
