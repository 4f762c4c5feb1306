import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { WardenConfigError } from '../errors.js';
import type { Warden } from '../runtime/warden.js';
import { isLoopbackHost } from './auth.js';
import { errorHandler } from './error-handler.js';
import { apiRoutes } from './routes.js';

export interface ApiServerOptions {
  port?: number;
  host?: string;
  /** Admin endpoints need `Authorization: Bearer <apiKey>`; required off loopback. */
  apiKey?: string;
}

export interface ApiServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Builds the Koa app of the classifier API (exported for embedding in an existing Koa server). */
export function createApiApp(warden: Warden, apiKey?: string): Koa {
  const app = new Koa();
  app.silent = true;
  const router = apiRoutes(warden, apiKey);
  app.use(errorHandler).use(router.routes()).use(router.allowedMethods());
  app.on('error', (err) => process.emitWarning(`classifier API error: ${(err as Error).message}`, { code: 'SESSION_WARDEN' }));
  return app;
}

/** Starts the classifier API; refuses a non-loopback address without an API key. */
export async function startApiServer(warden: Warden, options: ApiServerOptions = {}): Promise<ApiServer> {
  const host = options.host ?? '127.0.0.1';
  if (!options.apiKey && !isLoopbackHost(host)) {
    throw new WardenConfigError(`Refusing to serve the classifier API on ${host} without an API key: set WARDEN_API_KEY (or --api-key), or listen on 127.0.0.1.`, 'WARDEN_API_KEY_REQUIRED');
  }
  const server = createApiApp(warden, options.apiKey).listen(options.port ?? 4000, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE'
      ? new WardenConfigError(`Port ${options.port} on ${host} is already in use; pick another with --port.`, 'WARDEN_PORT_IN_USE') : err));
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    server,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
