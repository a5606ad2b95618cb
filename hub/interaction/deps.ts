import type { Config } from '../config.js';

/** What the interaction routes need from the hub. */
export interface InteractionDeps {
  config: Pick<Config, 'publicUrl' | 'trustedProxies' | 'ipHashSecret'>;
}
