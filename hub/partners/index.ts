export { adminPartnerRoutes, publicPartnerRoutes, type PartnerRouteDeps } from './routes.js';
export {
  findPartner,
  listPartners,
  countPartners,
  toPartner,
  toPublicPartner,
  type PublicPartner,
} from './partners.js';
export { editPartner, PLATFORM_ONLY, snapshotPartner } from './operations.js';
export type { PartnerDoc } from './partner-model.js';
export { seedPartners } from './seed.js';
export { SEED_PARTNERS } from './seed-data.js';
