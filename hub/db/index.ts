export { connectDatabase, disconnectDatabase, ensureIndexes, pingDatabase, redactUri } from './connect.js';
export { startLocalDatabase, findFreePort, type LocalDatabase, type LocalDatabaseOptions } from './local-server.js';
export { isDuplicateKey } from './errors.js';
export { isDatabaseUnavailable } from './unavailable.js';
export { resolveFerretDb } from './ferretdb-binary.js';
export { createCountSync, type CountCopy } from './count-copy.js';
export { bulkWriteInChunks, WRITE_CHUNK, type BulkCounts } from './bulk.js';
