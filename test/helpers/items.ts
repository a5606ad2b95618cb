/** Stored items for tests of search, feeds, widgets and interaction. */
import { createHash } from 'node:crypto';
import type { ItemDoc } from '../../hub/items/index.js';
import { ItemModel } from '../../hub/items/item-model.js';

export type ItemFixture = Partial<Omit<ItemDoc, '_id'>> & { id: string; title: string; partnerId: string };

/** Inserts published items with sensible defaults; returns their ids. */
export async function insertItems(fixtures: ItemFixture[]): Promise<string[]> {
  const now = new Date();
  await ItemModel.insertMany(
    fixtures.map(({ id, ...f }, i) => ({
      _id: id,
      sourceId: 'test-source',
      guid: id,
      url: `https://www.example.nc/${f.partnerId}/${id}`,
      type: 'news',
      topics: [],
      audience: ['particuliers'],
      territory: { scope: 'nc' },
      language: 'fr',
      publishedAt: new Date(Date.UTC(2026, 9, 1 + i)),
      contentHash: createHash('sha256')
        .update(id + f.title)
        .digest('hex'),
      status: 'published',
      revision: 1,
      firstSeenAt: now,
      lastSeenAt: now,
      stats: { likes: 0, comments: 0 },
      ...f,
    })),
  );
  return fixtures.map((f) => f.id);
}

/** A small corpus across partners, types, topics and communes. */
export const CATALOG_FIXTURES: ItemFixture[] = [
  {
    id: 'noumea-piscine',
    partnerId: 'noumea',
    title: 'Réouverture de la piscine du Ouen Toro',
    summary: 'La piscine municipale rouvre ses bassins après travaux.',
    topics: ['sport'],
    territory: { scope: 'commune', communes: ['98818'] },
  },
  {
    id: 'noumea-etat-civil',
    partnerId: 'noumea',
    type: 'procedure',
    title: "Demande d'acte de naissance",
    summary: "Obtenir une copie intégrale ou un extrait d'acte de naissance à la mairie.",
    topics: ['etat-civil'],
    territory: { scope: 'commune', communes: ['98818'] },
  },
  {
    id: 'sud-emploi-1',
    partnerId: 'province-sud',
    type: 'job',
    title: "Offre d'emploi : agent de développement rural",
    summary: 'La province Sud recrute un agent pour ses services techniques à La Foa.',
    topics: ['emploi'],
    territory: { scope: 'province', province: 'sud' },
  },
  {
    id: 'sud-emploi-2',
    partnerId: 'province-sud',
    type: 'job',
    title: "Offre d'emploi : infirmier en dispensaire",
    summary: 'Poste à pourvoir au dispensaire de Yaté.',
    topics: ['emploi', 'sante'],
    territory: { scope: 'commune', communes: ['98832'] },
  },
  {
    id: 'nord-festival',
    partnerId: 'province-nord',
    type: 'event',
    title: 'Festival des arts à Koné',
    summary: 'Musique, danse et artisanat pendant trois jours.',
    topics: ['culture'],
    territory: { scope: 'commune', communes: ['98811'] },
  },
  {
    id: 'idp-eau',
    partnerId: 'ile-des-pins',
    type: 'alert',
    title: "Coupure d'eau à L'Île-des-Pins",
    summary: 'Travaux sur le réseau de Vao : coupure mardi matin.',
    topics: ['eau'],
    territory: { scope: 'commune', communes: ['98809'] },
  },
  {
    id: 'montdore-dechets',
    partnerId: 'le-mont-dore',
    title: 'Collecte des encombrants au Mont-Dore',
    summary: 'Calendrier de ramassage des encombrants par quartier.',
    topics: ['environnement'],
    territory: { scope: 'commune', communes: ['98817'] },
  },
  {
    id: 'gouv-permis',
    partnerId: 'gouvernement',
    type: 'procedure',
    title: "Permis de conduire : inscription à l'examen",
    summary: "Les démarches pour s'inscrire à l'examen du permis de conduire.",
    topics: ['transports'],
    audience: ['particuliers'],
  },
  {
    id: 'cafat-retraite',
    partnerId: 'cafat',
    type: 'service',
    title: 'Demander sa retraite en ligne',
    summary: 'Le service en ligne de la CAFAT pour préparer sa retraite.',
    topics: ['retraite'],
    audience: ['particuliers', 'professionnels'],
  },
  {
    id: 'hc-elections',
    partnerId: 'haut-commissariat',
    title: 'Inscription sur les listes électorales',
    summary: 'Date limite et pièces justificatives pour voter.',
    topics: ['citoyennete'],
  },
];

/** An event of 12–14 March 2027 in Nouméa time (stored in UTC), with its place. */
export const EVENT_FIXTURE: ItemFixture = {
  id: 'nord-foire',
  partnerId: 'province-nord',
  type: 'event',
  title: 'Foire de Koumac',
  summary: 'Bétail, artisanat et produits du terroir.',
  publishedAt: new Date(Date.UTC(2026, 10, 2)),
  event: { start: new Date('2027-03-11T13:00:00Z'), end: new Date('2027-03-13T13:00:00Z'), place: 'Champ de foire' },
};
