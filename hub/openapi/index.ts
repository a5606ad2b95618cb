export { buildOpenApi, buildComponents } from './document.js';
export { openApiRoutes } from './routes.js';
