export { adminPartnerRoutes, publicPartnerRoutes, type PartnerRouteDeps } from './routes.js';
export { localContactRoutes } from './local-contact-routes.js';
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
export { fillSeedOffices, seedPartners } from './seed.js';
export { SEED_PARTNERS } from './seed-data.js';
export {
  findLocalContacts,
  listLocalOfficeKinds,
  toLocalContact,
  buildMapUrl,
  type LocalContact,
} from './local-offices.js';
export {
  checkOpeningHours,
  describeOpeningWeek,
  evaluateOpeningHours,
  OFFICE_TIMEZONE,
  type OpeningDay,
  type OpeningState,
} from './opening-hours.js';
