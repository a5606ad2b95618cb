/**
 * What a fiche says about where to act (pure): its « Services en ligne et formulaires »
 * as structured links, and the kinds of local office that can help (PivotLocal).
 */
import type { DraftItem } from '../shared/index.js';
import { servicePublicUrl } from './service-public.js';
import { childElements, firstChild, textContent, type XmlElement } from './xml-tree.js';

export type ServiceLinkDraft = NonNullable<DraftItem['onlineServices']>[number];

/** Kinds of ServiceComplementaire that are services a citizen uses online. */
const ONLINE_KINDS = /t[ée]l[ée]service|formulaire|simulateur|module de calcul|service en ligne/i;

/**
 * ServiceEnLigne children (with their own URL, else their service-public.fr page), and —
 * for a ServiceComplementaire that is itself a téléservice — its LienWeb.
 */
export function readOnlineServices(root: XmlElement, audience?: string): ServiceLinkDraft[] {
  const listed = childElements(root, 'ServiceEnLigne').map((el) => {
    const url = el.attrs.URL || (el.attrs.ID ? servicePublicUrl(el.attrs.ID, audience) : '');
    return toLink(url, textContent(firstChild(el, 'Titre')), el.attrs.type, el.attrs.ID, firstChild(el, 'Source'));
  });
  const own =
    root.name === 'ServiceComplementaire' && ONLINE_KINDS.test(root.attrs.type ?? '')
      ? childElements(root, 'LienWeb').map((el) =>
          toLink(el.attrs.URL ?? '', ownTitle(root), root.attrs.type, root.attrs.ID, firstChild(el, 'Source')),
        )
      : [];
  return [...own, ...listed].filter((link) => link.url && link.title);
}

/** PivotLocal of every « Où s'adresser ? » (mairie, prefecture, caf…). */
export function readLocalOffices(root: XmlElement): string[] {
  const kinds = childElements(root, 'OuSAdresser').flatMap((el) => childElements(el, 'PivotLocal').map(textContent));
  return [...new Set(kinds.map((k) => k.trim().toLowerCase()).filter(Boolean))];
}

function toLink(
  url: string,
  title: string,
  kind: string | undefined,
  ref: string | undefined,
  source: XmlElement | undefined,
): ServiceLinkDraft {
  const provider = source ? textContent(source) : '';
  return {
    url,
    title: title.replace(/\s+/g, ' ').trim(),
    ...(kind ? { kind } : {}),
    ...(ref ? { ref } : {}),
    ...(provider ? { provider } : {}),
  };
}

/** « Téléservice : Faire suivre son courrier » → « Faire suivre son courrier ». */
function ownTitle(root: XmlElement): string {
  const title = textContent(firstChild(root, 'dc:title'));
  const kind = root.attrs.type ?? '';
  return kind && title.toLowerCase().startsWith(`${kind.toLowerCase()} :`)
    ? title.slice(kind.length + 2).trim()
    : title;
}
