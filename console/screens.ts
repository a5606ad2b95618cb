/** The console's screens behind sign-in, each registered by its own module. */
import type { Middleware } from 'koa';
import type { RouteGroup } from '../hub/http/index.js';
import type { ConsoleDeps } from './deps.js';

/** Registers every screen; a new screen adds its line here (console/README.md). */
export function addScreens(_group: RouteGroup, _deps: ConsoleDeps, _agent: Middleware): void {}
