import type { Config } from '../config.js';

/** What the voice shows of a partner. */
export interface PartnerRef {
  id: string;
  name: string;
}

/** An item the search engine proposes for a wish being typed. */
export interface SimilarItem {
  id: string;
  title: string;
  url: string;
  partnerId: string;
}

/** One e-mail; `headers` carry List-Unsubscribe. */
export interface VoiceMail {
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

/** How follow-up mails leave (the notifications' mailer); absent or not configured: none are sent. */
export interface VoiceMailer {
  readonly configured: boolean;
  send(message: VoiceMail): Promise<void>;
}

/** What the citizens' voice needs from the hub, passed in by the wiring. */
export interface VoiceDeps {
  config: Pick<Config, 'publicUrl' | 'trustedProxies' | 'ipHashSecret' | 'wishesModeration'>;
  /** The catalog's search, for suggestions while a wish is typed ([] when the index is not ready). */
  searchItems(q: string, limit: number): SimilarItem[];
  /** The partners by id, with their names (history, feeds, response times). */
  partners(): Promise<ReadonlyMap<string, PartnerRef>>;
  mailer?: VoiceMailer;
}
