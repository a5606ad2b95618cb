/**
 * Operations metrics: the Prometheus registry of this process, the record functions the
 * other folders call, the HTTP middleware and the guarded /metrics route.
 */
export {
  recordCommentWritten,
  recordDatabaseError,
  recordIndexBuild,
  recordIndexUpdate,
  recordItemsIngested,
  recordLikeWritten,
  recordRateLimitRefusal,
  recordSourceRun,
} from './registry.js';
export { isDatabaseError, measureHttp, UNMATCHED_ROUTE } from './http-metrics.js';
export { metricsRoutes, type MetricsRouteDeps } from './routes.js';
export { watchDatabaseConnection } from './database-watch.js';
