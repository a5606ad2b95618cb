/**
 * The federation's 45 members at launch: 3 provinces, 33 communes (INSEE codes 988xx,
 * each with its province), the Government, the State, the Congress, the Customary Senate
 * and public bodies. Websites are given only where they are the partner's known address.
 */
import type { PartnerInput, Province } from '../../schemas/index.js';
import { SEED_OFFICES, townHallName } from './seed-offices.js';

const PROVINCES: PartnerInput[] = [
  {
    id: 'province-sud',
    name: 'Province Sud',
    kind: 'province',
    territory: { province: 'sud' },
    website: 'https://www.province-sud.nc',
  },
  {
    id: 'province-nord',
    name: 'Province Nord',
    kind: 'province',
    territory: { province: 'nord' },
    website: 'https://www.province-nord.nc',
  },
  {
    id: 'province-iles',
    name: 'Province des Îles Loyauté',
    shortName: 'Îles Loyauté',
    kind: 'province',
    territory: { province: 'iles' },
    website: 'https://www.province-iles.nc',
  },
];

/** [slug, name, INSEE code, province] */
const COMMUNES: [string, string, string, Province][] = [
  ['belep', 'Bélep', '98801', 'nord'],
  ['boulouparis', 'Boulouparis', '98802', 'sud'],
  ['bourail', 'Bourail', '98803', 'sud'],
  ['canala', 'Canala', '98804', 'nord'],
  ['dumbea', 'Dumbéa', '98805', 'sud'],
  ['farino', 'Farino', '98806', 'sud'],
  ['hienghene', 'Hienghène', '98807', 'nord'],
  ['houailou', 'Houaïlou', '98808', 'nord'],
  ['ile-des-pins', "L'Île-des-Pins", '98809', 'sud'],
  ['kaala-gomen', 'Kaala-Gomen', '98810', 'nord'],
  ['kone', 'Koné', '98811', 'nord'],
  ['koumac', 'Koumac', '98812', 'nord'],
  ['la-foa', 'La Foa', '98813', 'sud'],
  ['lifou', 'Lifou', '98814', 'iles'],
  ['mare', 'Maré', '98815', 'iles'],
  ['moindou', 'Moindou', '98816', 'sud'],
  ['le-mont-dore', 'Le Mont-Dore', '98817', 'sud'],
  ['noumea', 'Nouméa', '98818', 'sud'],
  ['ouegoa', 'Ouégoa', '98819', 'nord'],
  ['ouvea', 'Ouvéa', '98820', 'iles'],
  ['paita', 'Païta', '98821', 'sud'],
  ['poindimie', 'Poindimié', '98822', 'nord'],
  ['ponerihouen', 'Ponérihouen', '98823', 'nord'],
  ['pouebo', 'Pouébo', '98824', 'nord'],
  ['pouembout', 'Pouembout', '98825', 'nord'],
  ['poum', 'Poum', '98826', 'nord'],
  ['poya', 'Poya', '98827', 'nord'],
  ['sarramea', 'Sarraméa', '98828', 'sud'],
  ['thio', 'Thio', '98829', 'sud'],
  ['touho', 'Touho', '98830', 'nord'],
  ['voh', 'Voh', '98831', 'nord'],
  ['yate', 'Yaté', '98832', 'sud'],
  ['kouaoua', 'Kouaoua', '98833', 'nord'],
];

const COMMUNE_WEBSITES: Record<string, string> = {
  noumea: 'https://www.noumea.nc',
  dumbea: 'https://www.ville-dumbea.nc',
  paita: 'https://www.ville-paita.nc',
  'le-mont-dore': 'https://www.mont-dore.nc',
};

const INSTITUTIONS: PartnerInput[] = [
  { id: 'gouvernement', name: 'Gouvernement de la Nouvelle-Calédonie', kind: 'government', website: 'https://gouv.nc' },
  {
    id: 'haut-commissariat',
    name: 'Haut-commissariat de la République en Nouvelle-Calédonie',
    shortName: 'Haut-commissariat',
    kind: 'state',
    website: 'https://www.nouvelle-caledonie.gouv.fr',
  },
  {
    id: 'congres',
    name: 'Congrès de la Nouvelle-Calédonie',
    shortName: 'Congrès',
    kind: 'other',
    website: 'https://www.congres.nc',
  },
  {
    id: 'senat-coutumier',
    name: 'Sénat coutumier de la Nouvelle-Calédonie',
    shortName: 'Sénat coutumier',
    kind: 'other',
    website: 'https://www.senat-coutumier.nc',
  },
  {
    id: 'cafat',
    name: 'CAFAT — Caisse de compensation des prestations familiales, des accidents du travail et de prévoyance',
    shortName: 'CAFAT',
    kind: 'public-body',
    website: 'https://www.cafat.nc',
  },
  {
    id: 'opt-nc',
    name: 'OPT-NC — Office des postes et télécommunications',
    shortName: 'OPT-NC',
    kind: 'public-body',
    website: 'https://www.opt.nc',
  },
  {
    id: 'isee',
    name: 'ISEE — Institut de la statistique et des études économiques',
    shortName: 'ISEE',
    kind: 'public-body',
    website: 'https://www.isee.nc',
  },
  {
    id: 'ass-nc',
    name: 'Agence sanitaire et sociale de la Nouvelle-Calédonie',
    shortName: 'ASS-NC',
    kind: 'public-body',
    website: 'https://www.ass.nc',
  },
  {
    id: 'cci-nc',
    name: "Chambre de commerce et d'industrie de Nouvelle-Calédonie",
    shortName: 'CCI-NC',
    kind: 'public-body',
    website: 'https://www.cci.nc',
  },
];

/** The 45 partners loaded by `npm run seed` and at first start, each with its office (seed-offices.ts). */
export const SEED_PARTNERS: PartnerInput[] = [
  ...PROVINCES,
  ...COMMUNES.map(([id, name, communeCode, province]): PartnerInput => ({
    id,
    name,
    kind: 'commune',
    territory: { province, communeCode },
    ...(COMMUNE_WEBSITES[id] ? { website: COMMUNE_WEBSITES[id] } : {}),
  })),
  ...INSTITUTIONS,
].map((partner) => ({
  ...partner,
  office: SEED_OFFICES[partner.id] ?? { name: townHallName(partner.name), city: partner.name },
}));
