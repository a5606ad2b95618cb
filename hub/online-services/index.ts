/**
 * The registry of online services (démarches en ligne): written by partners' editors, fed
 * by DILA fiches' « Services en ligne et formulaires » and by sources whose entries are
 * services; searched with the items; left through the counted way out /sortie/:id.
 */
export { adminServiceRoutes, type AdminServiceDeps } from './admin-routes.js';
export { publicServiceRoutes } from './routes.js';
export { ServiceDirectory, type ServiceFilter } from './service-directory.js';
export { syncFicheServices, type FicheServicesInput } from './sync-fiche-services.js';
export { syncSourceServices, type ServiceSyncCounts, type SourceServicesInput } from './sync-source-services.js';
export { countPartnerServices, findService, listServices, toOnlineService } from './services.js';
export { checkServiceUrl } from './service-url.js';
export { canMoveAddress, moveServiceAddress, type MoveAddressInput } from './move-address.js';
export { compactExits, countExits, toNoumeaDay } from './exits.js';
export type { ServiceDoc } from './service-model.js';
export {
  addService,
  editService,
  lastDays,
  loadServiceFor,
  reportExits,
  snapshotService,
  type ExitReport,
  type ExitReportRow,
  type ServiceRules,
} from './operations.js';
