/**
 * The hub's widget routes: the scripts, the iframe pages, the demo page and the admin
 * snippets. The browser code lives in widgets/src and is built by widgets/build.ts.
 */
import type { Config } from '../../hub/config.js';
import { RouteGroup } from '../../hub/http/index.js';
import { getWidgetAssets } from './assets.js';
import { addDemoRoutes } from './demo-routes.js';
import { addFrameRoutes } from './frame-routes.js';
import { addScriptRoutes } from './script-routes.js';

export { getWidgetAssets, type WidgetAssets } from './assets.js';
export { makeSnippets, type Snippets } from './snippets.js';

export interface WidgetRoutesDeps {
  config: Config;
}

/** Every widget route, in one group; starts building the bundle right away. */
export function widgetRoutes({ config }: WidgetRoutesDeps): RouteGroup {
  // Built (or read) now so the first visitor does not wait; failures surface on request.
  getWidgetAssets().catch(() => undefined);
  const group = new RouteGroup();
  addScriptRoutes(group);
  addFrameRoutes(group, config);
  addDemoRoutes(group, config);
  return group;
}
