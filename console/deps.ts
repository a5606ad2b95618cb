/** What the console's pages are given by the hub: its services, in-process (never its models). */
import type { Fetcher, ReaderPool, RunBudget } from '../connectors/index.js';
import type { OidcSignIn } from '../hub/accounts/index.js';
import type { Catalog } from '../hub/catalog/index.js';
import type { Config } from '../hub/config.js';
import type { LabDeps } from '../hub/labs/index.js';
import type { Notifications } from '../hub/notifications/index.js';
import type { VoiceService } from '../hub/voice/index.js';
import type { Run } from '../schemas/index.js';

export interface ConsoleDeps {
  config: Pick<Config, 'publicUrl' | 'sourceAllowedHosts' | 'trustedProxies' | 'oidcLabel'>;
  /** The connectors' fetcher (address rules, size cap, timeouts): feed discovery. */
  fetcher: Fetcher;
  /** The reader threads and the run budgets: previews are read like runs. */
  reader: ReaderPool;
  budget: RunBudget;
  /** « Run now »: the scheduler's requestRun. */
  runNow(sourceId: string): Promise<Run | undefined>;
  /** A new source is due: look now rather than at the next tick. */
  nudge(): void;
  /** The in-memory search (items of the Contenus screen) and the partner directory. */
  catalog: Pick<Catalog, 'search' | 'partners' | 'synonyms'>;
  notifications: Notifications;
  /** Citizens' voice: wishes (moderate, assign, answer, enter) and page feedback. */
  voice: VoiceService;
  /** Sign-in through the identity provider, when configured. */
  oidc?: OidcSignIn;
  /** Items were withdrawn or restored: search and feeds must learn it. */
  itemsChanged(): Promise<void> | void;
  /** An online service changed: the search's directory of services reloads. */
  servicesChanged(): void;
  /** The labs' hooks (publication, events): the same as the labs API's. */
  labs: LabDeps;
  /** A partner changed: names, origins and moderation are read from memory elsewhere. */
  partnersChanged(): Promise<void>;
}
