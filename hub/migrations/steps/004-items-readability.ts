/**
 * Items carry `readability` (French reading ease, docs/readability.md), measured at every
 * ingestion write; this measures the items stored before. Additive: older hubs ignore the
 * field, and items they write later lack it until their next change (the console lists
 * measured items only).
 */
import { fillItemsReadability } from '../../items/index.js';
import type { Migration } from '../types.js';

export const itemsReadability: Migration = {
  id: '004-items-readability',
  version: 4,
  description: 'items carry readability (Kandel–Moles reading ease, sentence and word lengths)',
  async up({ progress }) {
    const items = await fillItemsReadability();
    progress(`migration 004-items-readability: ${items} item(s) measured`);
    return { items };
  },
};
