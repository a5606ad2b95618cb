/**
 * The offices the seed can state without guessing: each partner's public office by name
 * and commune. Street addresses, telephone numbers and opening hours are left to each
 * partner to fill in the console (PATCH /api/v1/admin/partners/:id `office`): no verified
 * public directory of the 45 offices was at hand, and a wrong telephone number or wrong
 * hours on a citizen's card is worse than none. Where a figure is given, its public source
 * is named beside it.
 */
import type { Office } from '../../schemas/index.js';

/** « Mairie de Bélep », « Mairie du Mont-Dore », « Mairie de l'Île-des-Pins ». */
export function townHallName(communeName: string): string {
  if (communeName.startsWith('Le ')) return `Mairie du ${communeName.slice(3)}`;
  if (communeName.startsWith("L'")) return `Mairie de l'${communeName.slice(2)}`;
  return `Mairie de ${communeName}`;
}

/** Offices of partners that are not communes (commune town halls come from townHallName). */
export const SEED_OFFICES: Record<string, Office> = {
  // Standard of the town hall: « Standard mairie de Nouméa // 27 31 15 » (Nouméa Mag n° 24, 2017).
  noumea: { name: 'Hôtel de ville de Nouméa', city: 'Nouméa', phone: '27 31 15' },
  'province-sud': { name: 'Hôtel de la province Sud', city: 'Nouméa' },
  'province-nord': { name: 'Hôtel de la province Nord', city: 'Koné' },
  'province-iles': { name: 'Hôtel de la province des Îles Loyauté', city: 'Lifou' },
  gouvernement: { name: 'Gouvernement de la Nouvelle-Calédonie', city: 'Nouméa' },
  'haut-commissariat': { name: 'Haut-commissariat de la République', city: 'Nouméa' },
  congres: { name: 'Congrès de la Nouvelle-Calédonie', city: 'Nouméa' },
  'senat-coutumier': { name: 'Sénat coutumier', city: 'Nouméa' },
  cafat: { name: 'CAFAT, siège', city: 'Nouméa' },
  'opt-nc': { name: 'OPT-NC, siège', city: 'Nouméa' },
  isee: { name: 'ISEE', city: 'Nouméa' },
  'ass-nc': { name: 'Agence sanitaire et sociale', city: 'Nouméa' },
  'cci-nc': { name: "Chambre de commerce et d'industrie", city: 'Nouméa' },
};
