export {
  checkCompatibility,
  checkRegistry,
  codeSchemaVersion,
  migrateDatabase,
  readDatabaseVersion,
  SchemaMismatchError,
  type MigrateOptions,
} from './run-migrations.js';
export { readSchemaStatus, type SchemaStatus } from './status.js';
export { MIGRATIONS } from './registry.js';
export type { Migration, MigrationContext, MigrationOutcome, MigrateReport } from './types.js';
export { readRecordedSchema, type RecordedSchema } from './recorded-schema.js';
