import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { ServerConfig } from './config';
import { openMigrated } from './db/open';
import { createApp } from './http/app';
import type { Log } from './log';
import { PokeHub } from './sync/poke';
import { ShippedLibrary } from './sync/shippedLibrary';

export interface RunningServer {
  url: string;
  /** Stops accepting, ends live streams, lets requests in flight finish, closes the database. */
  close(): Promise<void>;
}

/** How long requests in flight may take to finish after a shutdown signal before they are cut. */
const DRAIN_MS = 10_000;

export async function startServer(config: ServerConfig, log: Log, options: { heartbeatMs?: number } = {}): Promise<RunningServer> {
  const database = await openMigrated(config.store, log);
  const hub = new PokeHub(database, log);
  await hub.start();
  const shutdown = new AbortController();
  const app = createApp({
    database,
    hub,
    shipped: ShippedLibrary.load(),
    log,
    corsOrigins: config.corsOrigins,
    codeTtlMs: config.codeTtlMs,
    proxyHops: config.proxyHops,
    heartbeatMs: options.heartbeatMs,
    shutdown: shutdown.signal,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s as Server)) as Server;
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  log.info({ url, store: database.kind }, 'team server listening');

  let closing: Promise<void> | null = null;
  return {
    url,
    close() {
      closing ??= (async () => {
        log.info('shutting down');
        const drained = new Promise<void>((resolve) => server.close(() => resolve()));
        shutdown.abort();
        server.closeIdleConnections();
        const timer = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
        await drained;
        clearTimeout(timer);
        await hub.close();
        await database.close();
        log.info('stopped');
      })();
      return closing;
    },
  };
}
