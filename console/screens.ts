/** The console's screens behind sign-in, each registered by its own module. */
import type { Middleware } from 'koa';
import type { RouteGroup } from '../hub/http/index.js';
import type { ConsoleDeps } from './deps.js';
import { addAccountScreens } from './routes/accounts.js';
import { addFeedbackScreens } from './routes/feedback.js';
import { addAgentPages } from './routes/agent-pages.js';
import { addContactScreens } from './routes/contact.js';
import { addLinkScreens } from './routes/links.js';
import { addLabScreens } from './routes/labs.js';
import { addContentScreens } from './routes/contents.js';
import { addModerationScreens } from './routes/moderation.js';
import { addPartnerScreens } from './routes/partners.js';
import { addSearchMissScreens } from './routes/search-misses.js';
import { addServiceScreens } from './routes/services.js';
import { addSourceFormScreens } from './routes/source-form.js';
import { addSourceScreens } from './routes/sources.js';
import { addSynonymScreens } from './routes/synonyms.js';
import { addWishScreens } from './routes/wishes.js';

/**
 * Registers every screen; a new screen adds its line here (console/README.md). Fixed paths
 * (/console/sources/nouvelle) come before the parameterised ones (/console/sources/:id).
 */
export function addScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware): void {
  addSourceFormScreens(group, deps, agent);
  addSourceScreens(group, deps, agent);
  addContentScreens(group, deps, agent);
  addModerationScreens(group, deps, agent);
  addContactScreens(group, deps, agent);
  addPartnerScreens(group, deps, agent);
  addAccountScreens(group, deps, agent);
  addSynonymScreens(group, deps, agent);
  addLinkScreens(group, deps, agent);
  addWishScreens(group, deps, agent);
  addFeedbackScreens(group, deps, agent);
  addSearchMissScreens(group, deps, agent);
  addServiceScreens(group, deps, agent);
  addLabScreens(group, deps, agent, deps.labs);
  addAgentPages(group, deps, agent);
}
