/** Politeness: at most `perHost` requests at once to one partner host, whatever the source. */
import type { Fetcher } from '../../connectors/index.js';
import { KeyedSemaphore } from './limiter.js';

/** Wraps the shared fetcher so that requests to one host queue behind each other. */
export function limitPerHost(fetcher: Fetcher, perHost = 2): Fetcher {
  const hosts = new KeyedSemaphore(perHost);
  return {
    fetch: (request) => hosts.run(new URL(request.url).host.toLowerCase(), () => fetcher.fetch(request)),
    close: () => fetcher.close(),
  };
}
