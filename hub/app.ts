/**
 * The Koa application: wiring only. Read top to bottom, it lists every middleware and
 * every group of routes, in the order a request meets them.
 */
import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import {
  attachRequestContext,
  setSecurityHeaders,
  renderProblems,
  requireBearerUnder,
  requireJsonBodyUnder,
  refusePrototypeKeys,
  type RouteDoc,
  type RouteGroup,
} from './http/index.js';
import { authenticate, adminTokenRoutes, countPartnerTokens, resolveToken } from './auth/index.js';
import { authenticateSession } from './accounts/index.js';
import { measureHttp, metricsRoutes, watchDatabaseConnection } from './metrics/index.js';
import { healthRoutes, type ReadinessCheck } from './health/index.js';
import { openApiRoutes } from './openapi/index.js';
import {
  adminPartnerRoutes,
  findLocalContacts,
  findPartner,
  localContactRoutes,
  publicPartnerRoutes,
} from './partners/index.js';
import {
  adminServiceRoutes,
  countPartnerServices,
  publicServiceRoutes,
  toOnlineService,
} from './online-services/index.js';
import { adminLinkRoutes } from './link-health/index.js';
import { pingDatabase } from './db/index.js';
import { adminSourceRoutes, countPartnerSources } from './sources/index.js';
import { bumpItemsVersion, countPartnerItems, findPublishedItem, toItem } from './items/index.js';
import type { HubServices } from './services.js';
import { HUB_VERSION } from './version.js';
import { getWidgetAssets, widgetRoutes } from '../widgets/index.js';
import { createVisitorDataService, interactionCors, interactionRoutes } from './interaction/index.js';
import { createVoice, searchSimilarItems, VOICE_VISITOR_DATA, VOICE_WRITE_ROUTES } from './voice/index.js';
import { stylesheetRoutes } from './ui/index.js';
import { portalRoutes, renderPortalErrors } from '../portal/index.js';
import {
  consoleRoutes,
  parseConsoleForms,
  refreshCountsAfterWrites,
  renderConsoleErrors,
  type ConsoleDeps,
} from '../console/index.js';
import { labRoutes, notifyLabEvent, type LabDeps } from './labs/index.js';
import { imageRoutes, withImageKey } from './images/index.js';
import { storyRoutes } from './stories/index.js';

export interface AppOptions {
  config: Config;
  log: Logger;
  services: HubServices;
  /** Extra readiness checks besides the database (e.g. the search index). */
  readiness?: ReadinessCheck[];
}

/** Builds the application and returns it with the documentation of its routes. */
export function createApp({ config, log, services, readiness = [] }: AppOptions): { app: Koa; docs: RouteDoc[] } {
  const app = new Koa({ proxy: false });
  app.silent = true;
  const voice = createVoice(
    {
      config,
      searchItems: searchSimilarItems(services.catalog.search.service),
      partners: () => services.catalog.partners.get(),
      mailer: services.mailer,
    },
    log,
  );
  const labDeps: LabDeps = {
    publicUrl: config.publicUrl,
    onItemsChanged: async () => {
      await bumpItemsVersion();
      services.itemsChanged();
    },
    // Review asked, approvals given or voided, comments: the console's notifications.
    onEvent: notifyLabEvent(services.notifications, (id) => services.catalog.partners.current().get(id)?.name),
    // Publishing the lab that answers a wish closes the wish with the item, signed by the lab.
    onWishAnswered: async (wishId, itemId) => {
      await voice.service
        .changeStatus(
          wishId,
          { status: 'publie', itemId, answer: 'Le contenu qui répond à ce souhait est publié.' },
          { tokenId: 'atelier', name: 'Atelier de rédaction', role: 'platform-admin' },
        )
        .catch((err: unknown) => log.warn({ err, wishId, itemId }, 'labs: the answered wish could not be closed'));
    },
  };
  const consoleDeps: ConsoleDeps = {
    labs: labDeps,
    config,
    fetcher: services.fetcher,
    reader: services.reader,
    budget: { maxBytes: config.runMaxBytes, maxItems: config.runMaxItems },
    runNow: (id) => services.scheduler.requestRun(id),
    nudge: () => services.scheduler.nudge(),
    catalog: services.catalog,
    notifications: services.notifications,
    voice: voice.service,
    ...(services.oidc ? { oidc: services.oidc } : {}),
    itemsChanged: async () => {
      await bumpItemsVersion();
      services.itemsChanged();
    },
    partnersChanged: () => services.partnersChanged(),
    servicesChanged: () => services.onlineServices.invalidate(),
  };

  app.use(attachRequestContext(log));
  app.use(setSecurityHeaders({ https: config.publicUrl.startsWith('https:') }));
  app.use(renderProblems());
  app.use(renderPortalErrors(config.publicUrl));
  app.use(renderConsoleErrors(consoleDeps));
  app.use(measureHttp());
  // The console's counters held in memory are dropped by every write this process answers.
  app.use(refreshCountsAfterWrites());
  app.use(interactionCors({ config }, VOICE_WRITE_ROUTES));
  app.use(parseConsoleForms());
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: `${config.bodyLimitKb}kb`, encoding: 'utf-8' }));
  app.use(refusePrototypeKeys());
  // Machines use bearer tokens; an agent's console session is accepted too (with its CSRF token).
  app.use(requireBearerUnder('/api/v1/admin/', authenticate(config.adminToken, authenticateSession)));
  app.use(requireJsonBodyUnder('/api/v1/admin/'));

  watchDatabaseConnection();
  const docs: RouteDoc[] = [];
  const interactionDeps = { config, visitorData: [VOICE_VISITOR_DATA] };
  const groups: RouteGroup[] = [
    healthRoutes([
      {
        name: 'database',
        check: pingDatabase,
        failure: { code: 'database_unavailable', detail: 'la base de données ne répond pas' },
      },
      {
        name: 'search',
        check: () => services.catalog.search.service.isReady(),
        failure: { code: 'search_not_ready', detail: "le premier index de recherche n'est pas encore chargé" },
      },
      ...readiness,
    ]),
    metricsRoutes({
      allow: config.metricsAllow,
      trustedProxies: config.trustedProxies,
      isPlatformAdmin: async (token) => (await resolveToken(token, config.adminToken))?.role === 'platform-admin',
    }),
    openApiRoutes(() => docs, { version: HUB_VERSION, publicUrl: config.publicUrl }),
    publicPartnerRoutes(),
    localContactRoutes(),
    ...services.catalog.routes(),
    storyRoutes(() => services.catalog.search.itemsChanged()),
    publicServiceRoutes(services.onlineServices),
    adminPartnerRoutes({
      onChanged: () => services.partnersChanged(),
      countDependents: async (id) =>
        (
          await Promise.all([
            countPartnerSources(id),
            countPartnerItems(id),
            countPartnerTokens(id),
            countPartnerServices(id),
          ])
        ).reduce((a, b) => a + b),
    }),
    adminTokenRoutes({ partnerExists: async (id) => !!(await findPartner(id)) }),
    adminServiceRoutes({
      directory: services.onlineServices,
      partnerExists: async (id) => !!(await findPartner(id)),
      allowedHosts: config.sourceAllowedHosts,
    }),
    adminSourceRoutes({
      nudge: () => services.scheduler.nudge(),
      runNow: (id) => services.scheduler.requestRun(id),
      reader: services.reader,
      budget: { maxBytes: config.runMaxBytes, maxItems: config.runMaxItems },
      // A deleted source's withdrawals go to the change log (every hub lays them over its index).
      onItemsChanged: async () => {
        await bumpItemsVersion();
        services.itemsChanged();
      },
      allowedHosts: config.sourceAllowedHosts,
    }),
    adminLinkRoutes(services.linkHealth),
    imageRoutes({ fetcher: services.fetcher }),
    widgetRoutes({ config }),
    ...interactionRoutes(interactionDeps),
    ...voice.routes(),
    ...labRoutes(labDeps),
    stylesheetRoutes(),
    portalRoutes({
      catalog: services.catalog,
      findItem: async (id) => {
        const doc = await findPublishedItem(id);
        const item = doc ? toItem(doc) : undefined;
        // The image's key, as the API gives it: the page's share card points at the hub's copy.
        return item?.image ? { ...item, image: withImageKey(item.image) } : item;
      },
      publicUrl: config.publicUrl,
      widgetScript: async () => `/widgets/v1/embed.${(await getWidgetAssets()).hash}.js`,
      log,
      voice: voice.service,
      visitorData: createVisitorDataService(interactionDeps),
      services: {
        find: async (q, filter) =>
          services.linkHealth.markUnavailable((await services.onlineServices.find(q, filter)).map(toOnlineService)),
        findLocalContacts: (kinds, commune) => findLocalContacts(kinds, commune),
        version: async () => `${await services.onlineServices.version()}|${await services.linkHealth.brokenVersion()}`,
      },
    }),
    consoleRoutes(consoleDeps),
  ];
  for (const group of groups) {
    docs.push(...group.docs);
    app.use(group.router.routes());
    app.use(group.router.allowedMethods());
  }
  return { app, docs };
}
