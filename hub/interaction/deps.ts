import type { Config } from '../config.js';

/**
 * Data other folders keep under a visitor key (wishes, supports, page feedback): the
 * wiring passes them in so that GET and DELETE /api/v1/visitor/data cover them too,
 * without interaction importing those folders.
 */
export interface VisitorDataExtension {
  /** Members added to the export, e.g. {wishes: […], supports: […]}. */
  export(visitorHash: string): Promise<Record<string, unknown>>;
  /** Erases them; returns counts added to the erasure report. */
  erase(visitorHash: string): Promise<Record<string, number>>;
}

/** What the interaction routes need from the hub. */
export interface InteractionDeps {
  config: Pick<Config, 'publicUrl' | 'trustedProxies' | 'ipHashSecret'>;
  visitorData?: VisitorDataExtension[];
}
