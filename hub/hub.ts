/**
 * A running hub: the HTTP server plus the background services around the app. main.ts
 * and the tests start it the same way, on an already connected database.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { prepareImageKeys } from './images/index.js';
import { createServices, type HubServices, type ServiceOptions } from './services.js';

export interface RunningHub {
  server: Server;
  /** Base URL the server actually listens on, e.g. http://127.0.0.1:39123 */
  url: string;
  services: HubServices;
  close(): Promise<void>;
}

/** A port taken before start-up finished: answered 503 until the app is mounted. */
function answerStarting(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '2' }).end('Passerelle démarre.\n');
}

/**
 * Takes the port (0 = any) before anything else happens, so that a taken port stops a first
 * start before the database is written or a token printed; rejects with one clear line.
 */
export function bindPort(port: number, host: string): Promise<Server> {
  const server = createServer(answerStarting);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.removeListener('listening', onListening);
      if (err.code === 'EADDRINUSE')
        reject(new Error(`http: port ${port} is already in use on ${host} (set PORT to another port)`));
      else if (err.code === 'EACCES')
        reject(new Error(`http: not allowed to listen on port ${port} (choose PORT above 1023)`));
      else reject(new Error(`http: cannot listen on ${host}:${port} (${err.message})`));
    };
    const onListening = () => {
      server.removeListener('error', onError);
      resolve(server);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** The address a server listens on, said truthfully: every interface, or one address. */
export function describeListening(server: Server): string {
  const { address, port } = server.address() as AddressInfo;
  if (address === '0.0.0.0' || address === '::') return `port ${port} on every network interface (${address})`;
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/** Creates the app and starts serving it, on `server` when the port was bound already. */
export async function startHub(
  config: Config,
  log: Logger,
  options: ServiceOptions & { server?: Server } = {},
): Promise<RunningHub> {
  const services = createServices(config, log, options);
  const { app } = createApp({ config, log, services });
  const server = options.server ?? (await bindPort(config.port, config.host));
  // Image addresses are signed with a secret kept in the database: ready before any answer.
  await prepareImageKeys();
  server.removeListener('request', answerStarting);
  server.on('request', app.callback());
  await services.start();
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return {
    server,
    services,
    url: `http://${host}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await services.stop();
    },
  };
}
