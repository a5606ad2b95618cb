/**
 * Topics as citizens read them. Items carry topic slugs (`papiers-citoyennete`); the names
 * of the DILA themes and of the partners' usual topics are known here, any other slug is
 * shown with its hyphens as spaces.
 */
import { capitalizeFirst } from '../../hub/ui/index.js';

const TOPIC_LABELS: Readonly<Record<string, string>> = {
  travail: 'Travail',
  argent: 'Argent',
  logement: 'Logement',
  famille: 'Famille',
  transports: 'Transports',
  'papiers-citoyennete': 'Papiers - Citoyenneté',
  'social-sante': 'Social - Santé',
  justice: 'Justice',
  fiscalite: 'Fiscalité',
  'secteurs-d-activite': "Secteurs d'activité",
  'ressources-humaines': 'Ressources humaines',
  loisirs: 'Loisirs',
  etranger: 'Étranger',
  'gestion-finances': 'Gestion - Finances',
  'creation-modification-cessation': 'Création - Modification - Cessation',
  'vente-commerce': 'Vente - Commerce',
  'fonctionnement-d-une-association': "Fonctionnement d'une association",
  'formalites-administratives-d-une-association': "Formalités administratives d'une association",
  'financement-et-fiscalite-d-une-association': "Financement et fiscalité d'une association",
  'associations-specifiques-et-fondations': 'Associations spécifiques et fondations',
  'etat-civil': 'État civil',
  emploi: 'Emploi',
  sante: 'Santé',
  culture: 'Culture',
  sport: 'Sport',
  eau: 'Eau',
  environnement: 'Environnement',
  retraite: 'Retraite',
  citoyennete: 'Citoyenneté',
  education: 'Éducation',
  securite: 'Sécurité',
  urbanisme: 'Urbanisme',
  dechets: 'Déchets',
  jeunesse: 'Jeunesse',
  tourisme: 'Tourisme',
  agriculture: 'Agriculture',
  peche: 'Pêche',
  meteo: 'Météo',
};

/** A topic slug's French name. */
export function getTopicLabel(slug: string): string {
  return TOPIC_LABELS[slug] ?? capitalizeFirst(slug.replace(/-/g, ' '));
}

/** The topics with a known French name, for a filter's choices. */
export function listTopicChoices(): { value: string; label: string }[] {
  return Object.entries(TOPIC_LABELS)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

/** Topic slugs are lower-case words joined by hyphens (as the search filter expects). */
export function isTopicSlug(value: string): boolean {
  return value.length <= 64 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value);
}
