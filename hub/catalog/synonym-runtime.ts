/**
 * Keeps this process's search synonyms current: loads the shipped list with the admins'
 * changes at start, reloads right after a change made here (the next query uses it), and
 * polls the version token for changes made by other hub processes.
 */
import type { Logger } from '../log.js';
import { createThesaurus, type SearchService } from '../search/index.js';
import { getSynonymsVersion, loadActiveSynonyms } from './synonym-store.js';

export interface SynonymRuntime {
  start(): Promise<void>;
  /** Reads the entries and swaps them in (after a change, before answering). */
  reload(): Promise<void>;
  /** The version token of the entries in use. */
  version(): string;
  stop(): void;
}

export interface SynonymRuntimeOptions {
  service: SearchService;
  log: Logger;
  /** How often to look for changes made by other processes. Default 5 s. */
  pollMs?: number;
}

export function createSynonymRuntime(options: SynonymRuntimeOptions): SynonymRuntime {
  let loaded = '';
  let timer: NodeJS.Timeout | undefined;
  let reloading: Promise<void> | null = null;

  async function load(): Promise<void> {
    const version = await getSynonymsVersion();
    const entries = await loadActiveSynonyms();
    options.service.setThesaurus(createThesaurus(entries));
    loaded = version;
    options.log.info({ version, entries: entries.length }, 'search: synonyms loaded');
  }

  /** One load at a time; a reload asked during one runs after it (it may have read before the change). */
  async function reload(): Promise<void> {
    while (reloading) await reloading;
    reloading = load().finally(() => {
      reloading = null;
    });
    return reloading;
  }

  async function poll(): Promise<void> {
    if (reloading) return;
    if ((await getSynonymsVersion()) !== loaded) await reload();
  }

  return {
    start: async () => {
      await reload();
      timer = setInterval(() => {
        poll().catch((err: unknown) => options.log.error({ err }, 'search: synonyms poll failed'));
      }, options.pollMs ?? 5000);
      timer.unref();
    },
    reload,
    version: () => loaded,
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}
