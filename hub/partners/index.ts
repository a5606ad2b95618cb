export { adminPartnerRoutes, publicPartnerRoutes } from './routes.js';
export { findPartner, listPartners, countPartners, toPublicPartner, type PublicPartner } from './partners.js';
export { PartnerModel, type PartnerDoc } from './partner-model.js';
export { seedPartners } from './seed.js';
export { SEED_PARTNERS } from './seed-data.js';
