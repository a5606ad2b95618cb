/** What a migration is, and what running them reports. */

/** Given to a migration while it runs. */
export interface MigrationContext {
  /** Progress lines for the operator (the CLI prints them, the hub logs them). */
  progress(line: string): void;
}

/**
 * One change to the stored data. Rules (hub/migrations/README.md): it is idempotent (a
 * crash half-way means it runs again), safe while older hubs serve (it only adds: expand
 * first, contract in a later release), and never renamed once shipped.
 */
export interface Migration {
  /** Stable id, e.g. `001-items-schema-version`. */
  id: string;
  /** The schema version the database reaches with it: 1, 2, 3… in the order they run. */
  version: number;
  /** One line saying what it changes and why. */
  description: string;
  /**
   * The oldest schema version a hub may know and still serve the database once this ran.
   * Default 0: an additive change every older hub ignores. A contract step (removing what
   * old hubs read) sets it to the version that stopped reading it.
   */
  readableFrom?: number;
  /** Does the work; returns counts for the record (e.g. `{ items: 1234 }`). */
  up(context: MigrationContext): Promise<Record<string, number> | void>;
}

/** What happened to one migration in one run of the runner. */
export interface MigrationOutcome {
  id: string;
  version: number;
  /** `applied` here, or found `already` applied (possibly by another process while we waited). */
  outcome: 'applied' | 'already';
  durationMs?: number;
  result?: Record<string, number>;
}

export interface MigrateReport {
  /** The schema version this hub's code knows (its newest migration). */
  codeVersion: number;
  /** The database's schema version after the run. */
  databaseVersion: number;
  outcomes: MigrationOutcome[];
}
