export { backupDatabase, chooseEngine, type BackupEngine, type BackupOptions, type BackupResult } from './backup.js';
export {
  restoreDatabase,
  RestoreRefusedError,
  type RestoreMode,
  type RestoreOptions,
  type RestoreResult,
} from './restore.js';
export { readManifest, type BackupManifest } from './manifest.js';
export { NOT_BACKED_UP } from './scope.js';
export { mongodumpArgs, mongorestoreArgs, splitDatabase } from './mongo-tools.js';
