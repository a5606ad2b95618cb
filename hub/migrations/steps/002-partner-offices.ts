/**
 * Partners carry `office`, their public contact card (« Qui peut m'aider ? »). Databases
 * seeded before get the seed's offices; partners' own values are never overwritten.
 * Additive: older hubs ignore the field.
 */
import { fillSeedOffices } from '../../partners/index.js';
import type { Migration } from '../types.js';

export const partnerOffices: Migration = {
  id: '002-partner-offices',
  version: 2,
  description: "partners carry office, their public contact card (« Qui peut m'aider ? »)",
  async up({ progress }) {
    const partners = await fillSeedOffices();
    progress(`migration 002-partner-offices: ${partners} partner(s) given the seed's office`);
    return { partners };
  },
};
