/**
 * New Caledonia's 33 communes (INSEE 988xx) with their province, so an item that lists
 * communes also counts for their province, and so commune names are searchable on items
 * that only carry codes.
 */
import type { Province } from '../../../schemas/index.js';

/** [INSEE code, name, province] */
const COMMUNES: readonly [string, string, Province][] = [
  ['98801', 'Bélep', 'nord'],
  ['98802', 'Boulouparis', 'sud'],
  ['98803', 'Bourail', 'sud'],
  ['98804', 'Canala', 'nord'],
  ['98805', 'Dumbéa', 'sud'],
  ['98806', 'Farino', 'sud'],
  ['98807', 'Hienghène', 'nord'],
  ['98808', 'Houaïlou', 'nord'],
  ['98809', "L'Île-des-Pins", 'sud'],
  ['98810', 'Kaala-Gomen', 'nord'],
  ['98811', 'Koné', 'nord'],
  ['98812', 'Koumac', 'nord'],
  ['98813', 'La Foa', 'sud'],
  ['98814', 'Lifou', 'iles'],
  ['98815', 'Maré', 'iles'],
  ['98816', 'Moindou', 'sud'],
  ['98817', 'Le Mont-Dore', 'sud'],
  ['98818', 'Nouméa', 'sud'],
  ['98819', 'Ouégoa', 'nord'],
  ['98820', 'Ouvéa', 'iles'],
  ['98821', 'Païta', 'sud'],
  ['98822', 'Poindimié', 'nord'],
  ['98823', 'Ponérihouen', 'nord'],
  ['98824', 'Pouébo', 'nord'],
  ['98825', 'Pouembout', 'nord'],
  ['98826', 'Poum', 'nord'],
  ['98827', 'Poya', 'nord'],
  ['98828', 'Sarraméa', 'sud'],
  ['98829', 'Thio', 'sud'],
  ['98830', 'Touho', 'nord'],
  ['98831', 'Voh', 'nord'],
  ['98832', 'Yaté', 'sud'],
  ['98833', 'Kouaoua', 'nord'],
];

const BY_CODE = new Map(COMMUNES.map(([code, name, province]) => [code, { name, province }]));

/** The province of a commune code, if the code is a known commune. */
export function getCommuneProvince(code: string): Province | undefined {
  return BY_CODE.get(code)?.province;
}

/** The French name of a commune code, if known: `98818` → `Nouméa`. */
export function getCommuneName(code: string): string | undefined {
  return BY_CODE.get(code)?.name;
}
