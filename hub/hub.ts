/**
 * A running hub: the HTTP server plus the background services around the app. main.ts
 * and the tests start it the same way, on an already connected database.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { createServices, type HubServices, type ServiceOptions } from './services.js';

export interface RunningHub {
  server: Server;
  /** Base URL the server actually listens on, e.g. http://127.0.0.1:39123 */
  url: string;
  services: HubServices;
  close(): Promise<void>;
}

/** Listens on config.port (0 = any); a taken port rejects with one clear line. */
function listen(server: Server, port: number, host: string): Promise<void> {
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
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Creates the app and starts serving it. */
export async function startHub(config: Config, log: Logger, options: ServiceOptions = {}): Promise<RunningHub> {
  const services = createServices(config, log, options);
  const { app } = createApp({ config, log, services });
  const server = createServer(app.callback());
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;
  await listen(server, config.port, config.host);
  await services.start();
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
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
