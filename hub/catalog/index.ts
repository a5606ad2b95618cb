/**
 * The catalog: published items as citizens and partner sites read them — search, item
 * pages, completions and feeds — over a search index kept current in the background.
 */
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { RouteGroup } from '../http/index.js';
import type { ServiceDirectory } from '../online-services/index.js';
import { listFeedTopics, pingWebSubHub } from '../syndication/index.js';
import { feedRoutes } from './feeds.js';
import { PartnerDirectory } from './partner-directory.js';
import { catalogRoutes } from './routes.js';
import { createSearchRuntime, type SearchRuntime } from './search-runtime.js';
import { StatsOverlay } from './stats-overlay.js';
import { adminSynonymRoutes } from './synonym-routes.js';
import { createSynonymRuntime, type SynonymRuntime } from './synonym-runtime.js';

export interface Catalog {
  search: SearchRuntime;
  synonyms: SynonymRuntime;
  partners: PartnerDirectory;
  stats: StatsOverlay;
  routes(): RouteGroup[];
  start(): Promise<void>;
  stop(): void;
}

/** Creates the catalog; start() loads or builds the first index. `services` is searched beside the items. */
export function createCatalog(config: Config, log: Logger, services?: ServiceDirectory): Catalog {
  const partners = new PartnerDirectory();
  const stats = new StatsOverlay();
  const websub = config.websubHubUrl;
  const search = createSearchRuntime({
    log: log.child({ module: 'search' }),
    partners,
    onIndexLoaded: (readAt) => stats.forgetBefore(readAt),
    ...(websub
      ? {
          onIndexChanged: () =>
            void pingWebSubHub(websub, listFeedTopics(config.publicUrl)).then((results) =>
              log.info({ results }, 'websub: published'),
            ),
        }
      : {}),
  });
  const synonyms = createSynonymRuntime({ service: search.service, log: log.child({ module: 'search' }) });
  return {
    search,
    synonyms,
    partners,
    stats,
    routes: () => [
      catalogRoutes({ search, partners, stats, publicUrl: config.publicUrl, ...(services ? { services } : {}) }),
      feedRoutes({ search, partners, publicUrl: config.publicUrl, ...(websub ? { websubHubUrl: websub } : {}) }),
      adminSynonymRoutes(synonyms),
    ],
    start: async () => {
      await Promise.all([synonyms.start(), search.start()]);
    },
    stop: () => {
      search.stop();
      synonyms.stop();
      stats.close();
    },
  };
}

export type { DirectoryEntry } from './partner-directory.js';
export { StatsOverlay } from './stats-overlay.js';
export { createSynonymRuntime, type SynonymRuntime } from './synonym-runtime.js';
export { createSynonym, deleteSynonym, listSynonyms, restoreSynonym, type SynonymView } from './synonym-store.js';
export { SERVICES_FIRST, servicesFirstFilter } from './services-first.js';
