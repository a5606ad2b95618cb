/**
 * Outbound link health: every address the portal sends people to (online services, items'
 * own pages, partners' websites) checked daily through the connectors' fetcher, one record
 * per address; broken after two failed checks in a row, ok again after one success.
 */
export { adminLinkRoutes } from './admin-routes.js';
export { createLinkHealth, type LinkHealth, type LinkHealthOptions } from './link-health.js';
export { runLinkCheck, REQUESTS_PER_HOST, type LinkCheckReport, type RunCheckOptions } from './run-check.js';
export { FAILURES_BEFORE_BROKEN } from './apply-outcome.js';
export { collectAddresses, type Address } from './collect-addresses.js';
export { countBrokenLinks, findLink, linkId, listLinks } from './links.js';
export { LINKS_BROKEN, notifyBrokenLinks } from './notify.js';
export { readLastCheck as readLastLinkCheck, type LastLinkCheck } from './claim.js';
export { toLinkView, type LinkView } from './to-link.js';
export type { LinkDoc, LinkRef } from './link-model.js';
