export { adminSourceRoutes, type SourceRouteDeps } from './routes.js';
export { createSource, findSource, listActiveSources, listRuns, listSources } from './sources.js';
export { SourceModel, type SourceDoc } from './source-model.js';
export { RunModel, type RunDoc } from './run-model.js';
export { toRun, toSource } from './views.js';
