/**
 * Partners carry `office`, their public contact card (« Qui peut m'aider ? »). Databases
 * seeded before get the seed's offices; partners' own values are never overwritten.
 * Additive: older hubs ignore the field.
 */
import { fillSeedOffices } from '../../partners/index.js';
import type { Migration } from '../types.js';

export const partnerOffices: Migration = {
  id: '003-partner-offices',
  version: 3,
  description: "partners carry office, their public contact card (« Qui peut m'aider ? »)",
  async up({ progress }) {
    const partners = await fillSeedOffices();
    progress(`migration 003-partner-offices: ${partners} partner(s) given the seed's office`);
    return { partners };
  },
};
