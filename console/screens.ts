/** The console's screens behind sign-in, each registered by its own module. */
import type { Middleware } from 'koa';
import type { RouteGroup } from '../hub/http/index.js';
import type { ConsoleDeps } from './deps.js';
import { addAccountScreens } from './routes/accounts.js';
import { addAgentPages } from './routes/agent-pages.js';
import { addContentScreens } from './routes/contents.js';
import { addModerationScreens } from './routes/moderation.js';
import { addPartnerScreens } from './routes/partners.js';
import { addSourceFormScreens } from './routes/source-form.js';
import { addSourceScreens } from './routes/sources.js';
import { addSynonymScreens } from './routes/synonyms.js';

/**
 * Registers every screen; a new screen adds its line here (console/README.md). Fixed paths
 * (/console/sources/nouvelle) come before the parameterised ones (/console/sources/:id).
 */
export function addScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware): void {
  addSourceFormScreens(group, deps, agent);
  addSourceScreens(group, deps, agent);
  addContentScreens(group, deps, agent);
  addModerationScreens(group, deps, agent);
  addPartnerScreens(group, deps, agent);
  addAccountScreens(group, deps, agent);
  addSynonymScreens(group, deps, agent);
  addAgentPages(group, deps, agent);
}
