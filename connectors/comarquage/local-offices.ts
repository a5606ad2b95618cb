/** The kinds of local office a fiche says can help (pure): PivotLocal of « Où s'adresser ? ». */
import { childElements, textContent, type XmlElement } from './xml-tree.js';

/** mairie, prefecture, caf… in the fiche's order, without repeats. */
export function readLocalOffices(root: XmlElement): string[] {
  const kinds = childElements(root, 'OuSAdresser').flatMap((el) => childElements(el, 'PivotLocal').map(textContent));
  return [...new Set(kinds.map((k) => k.trim().toLowerCase()).filter(Boolean))];
}
