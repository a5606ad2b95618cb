/** A real HTTP server on 127.0.0.1, random port, whose routes each test declares. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetcher, type Fetcher, type FetcherOptions } from '../../../connectors/index.js';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

export interface LoopbackServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  origin: string;
  port: number;
  /** Declares (or replaces) the handler of a path. */
  route(path: string, handler: Handler): void;
  /** Requests seen, in order (path with query, and headers). */
  requests: Array<{ path: string; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

/** Starts the server (on 127.0.0.1 unless told another loopback address); routes not declared answer 404. */
export async function startLoopbackServer(host = '127.0.0.1'): Promise<LoopbackServer> {
  const routes = new Map<string, Handler>();
  const requests: LoopbackServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname + url.search, headers: req.headers });
    const handler = routes.get(url.pathname);
    if (handler) return handler(req, res, url);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    port,
    route: (path, handler) => void routes.set(path, handler),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fetcher as the tests use it: loopback allowed, short timeouts. */
export function createTestFetcher(options: Partial<FetcherOptions> = {}): Fetcher {
  return createFetcher({
    userAgent: 'Passerelle/0.1.0-test (+http://passerelle.test)',
    allowedHosts: ['127.0.0.1'],
    connectTimeoutMs: 2_000,
    timeoutMs: 5_000,
    ...options,
  });
}

/** Sends a fixed body with a content type. */
export function serve(body: string | Uint8Array, contentType: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, ...headers }).end(body);
  };
}
