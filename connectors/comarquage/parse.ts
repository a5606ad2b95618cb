/**
 * DILA "vos droits et démarches" XML to fiches (pure): one fiche, or a zip of fiches.
 * In an archive only fiches (F…) and services (R…) are read; dossiers (N…), menus and
 * glossaries are navigation, not items.
 */
import {
  decodeText,
  type DraftItem,
  type FetchedBody,
  ConnectorError,
  isConnectorError,
  reportProgress,
} from '../shared/index.js';
import { isZip, readArchive, type ArchiveLimits } from './archive.js';
import { renderFicheBody } from './fiche-body.js';
import { readLocalOffices } from './local-offices.js';
import { readFicheLinks } from './fiche-links.js';
import { audienceFromUrl } from './service-public.js';
import { childElements, firstChild, parseXmlTree, textContent, type XmlElement } from './xml-tree.js';

/** One fiche, read. */
export interface ParsedFiche {
  /** F10, R14213, N19810… */
  id: string;
  /** Root element: Publication (fiches, dossiers) or ServiceComplementaire (R…). */
  root: string;
  /** The root's type attribute: "Fiche d'information", "Téléservice", "Formulaire"… */
  publicationType?: string;
  title: string;
  description?: string;
  /** dc:subject, e.g. "Famille, Travail". */
  subject?: string;
  /** dc:date as written, e.g. "modified 2020-11-02". */
  date?: string;
  /** The root's spUrl attribute: its service-public.fr page. */
  spUrl?: string;
  /** Audience labels: "Particuliers", "Professionnels", "Associations". */
  audiences: string[];
  /** Theme titles, e.g. "Papiers - Citoyenneté". */
  themes: string[];
  /** The body as HTML, not yet sanitized. */
  html: string;
  /**
   * Citizens' wording the fiche carries besides its text: its « Questions ? Réponses ! »
   * (questions as people ask them), its « Voir aussi » link texts, and the sigles it defines
   * with their meaning (`CPAM : Caisse primaire d'assurance maladie`), and the names of
   * its sub-theme, dossier and sub-dossier on service-public.fr.
   */
  keywords: string[];
  /** Kinds of local office that can help (PivotLocal of « Où s'adresser ? »: mairie…). */
  localOffices: string[];
  /** Its blocks of links (online services, questions-answers…), kept structured. */
  links: DraftItem['links'];
}

/** A fiche of an archive that could not be read. */
export interface SkippedFiche {
  file: string;
  /** ID from the file name (F10.xml → F10). */
  id?: string;
  reason: string;
}

/** A parsed comarquage document. */
export interface ParsedComarquage {
  /** The body was a zip archive. */
  archive: boolean;
  fiches: ParsedFiche[];
  skipped: SkippedFiche[];
}

const FICHE_ROOTS = new Set(['Publication', 'ServiceComplementaire']);
const ARCHIVE_ENTRY = /(?:^|\/)([FR]\d+)\.xml$/i;

/** Parses a fetched fiche or archive; throws bad_format when the body is neither. */
export async function parseComarquage(body: FetchedBody, limits?: ArchiveLimits): Promise<ParsedComarquage> {
  const page = body.pages[0];
  if (!page) throw new ConnectorError('bad_format', 'comarquage: empty response');
  if (isZip(page.body)) return parseArchive(page.body, limits);
  const xml = decodeText(page.body, page.contentType, { xml: true });
  return { archive: false, fiches: [parseFiche(xml, page.url)], skipped: [] };
}

/** Parses every fiche of a zip; one unreadable fiche is skipped, not fatal. */
export function parseArchive(bytes: Uint8Array, limits?: ArchiveLimits): ParsedComarquage {
  const result: ParsedComarquage = { archive: true, fiches: [], skipped: [] };
  const idOf = (name: string) => ARCHIVE_ENTRY.exec(name)?.[1]?.toUpperCase();
  readArchive(
    bytes,
    {
      wants: (name) => ARCHIVE_ENTRY.test(name),
      onFile: (name, data) => {
        try {
          result.fiches.push(parseFiche(decodeText(data, undefined, { xml: true }), name));
        } catch (error) {
          if (!isConnectorError(error)) throw error;
          result.skipped.push({ file: name, id: idOf(name), reason: error.message });
        }
        reportProgress();
      },
      onTooLarge: (name) => result.skipped.push({ file: name, id: idOf(name), reason: 'comarquage: fiche too large' }),
    },
    limits,
  );
  if (!result.fiches.length && !result.skipped.length)
    throw new ConnectorError('bad_format', 'comarquage: no fiche (F….xml, R….xml) in the archive');
  return result;
}

/** Parses one fiche document. */
export function parseFiche(xml: string, where: string): ParsedFiche {
  const root = parseXmlTree(xml, where);
  if (!FICHE_ROOTS.has(root.name))
    throw new ConnectorError('bad_format', `comarquage: <${root.name}> in ${where} is not a fiche`);
  const meta = (name: string) => textContent(firstChild(root, name)) || undefined;
  const id = root.attrs.ID ?? meta('dc:identifier');
  if (!id) throw new ConnectorError('bad_format', `comarquage: fiche without ID in ${where}`);
  const audiences = readAudiences(root);
  const audience = audiences[0] ?? audienceFromUrl(root.attrs.spUrl);
  const title = meta('dc:title') ?? '';
  const fiche: ParsedFiche = {
    id,
    root: root.name,
    title,
    audiences,
    themes: childElements(root, 'Theme')
      .map((t) => textContent(firstChild(t, 'Titre')))
      .filter(Boolean),
    html: renderFicheBody(root, audience),
    keywords: readKeywords(root),
    localOffices: readLocalOffices(root),
    links: readFicheLinks(root, title, audience),
  };
  assignDefined(fiche, {
    publicationType: root.attrs.type,
    description: meta('dc:description'),
    subject: meta('dc:subject'),
    date: meta('dc:date'),
    spUrl: root.attrs.spUrl,
  });
  return fiche;
}

/**
 * Questions-réponses, « Voir aussi » titles, defined sigles, the names of the online
 * services (no longer in the text, now a block of links) and where the site files the
 * fiche, in that order, without repeats.
 */
function readKeywords(root: XmlElement): string[] {
  const questions = childElements(root, 'QuestionReponse').map(textContent);
  const services = childElements(root, 'ServiceEnLigne').map((el) => textContent(firstChild(el, 'Titre')));
  const seeAlso = firstChild(root, 'VoirAussi');
  const related = seeAlso
    ? childElements(seeAlso, 'Fiche').map((el) => textContent(firstChild(el, 'Titre') ?? el))
    : [];
  const sigles = childElements(root, 'Abreviation').map((el) => {
    const sigle = textContent(firstChild(el, 'Titre'));
    const meaning = textContent(firstChild(el, 'Texte'));
    return sigle && meaning ? `${sigle} : ${meaning}` : sigle;
  });
  const all = [...questions, ...related, ...sigles, ...services, ...readPlace(root)]
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return [...new Set(all)];
}

/**
 * Where the fiche sits on service-public.fr: its sub-theme (« Quitter son emploi »), its
 * dossier (« Rupture du contrat de travail dans le secteur privé ») and sub-dossier
 * (« Formes de rupture »): the site's own names for the subject, often a citizen's
 * wording where the fiche's title has the administration's.
 */
function readPlace(root: XmlElement): string[] {
  const dossier = firstChild(root, 'DossierPere');
  return [
    textContent(firstChild(root, 'SousThemePere')),
    textContent(dossier && firstChild(dossier, 'Titre')),
    textContent(firstChild(root, 'SousDossierPere')),
  ];
}

/** Audience elements of the fiche and of its themes. */
function readAudiences(root: XmlElement): string[] {
  const own = childElements(root, 'Audience').map(textContent);
  const themed = childElements(root, 'Theme').flatMap((t) => childElements(t, 'Audience').map(textContent));
  return [...new Set([...own, ...themed].filter(Boolean))];
}

function assignDefined<T extends object>(target: T, values: Partial<T>): void {
  for (const [key, value] of Object.entries(values))
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
}
