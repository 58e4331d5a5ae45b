// Starts and stops the whole server: database, HTTP on one port, graceful close.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AnyRouter } from '@trpc/server';
import { appRouter } from '#routers/index.ts';
import { committedImageTokens } from '#routers/aurora/items/queries.ts';
import { createIdentify } from './auth.ts';
import type { Config } from './config.ts';
import { openDatabase, type Orm } from './database.ts';
import { createApp } from './http/app.ts';
import { ItemAssets } from './item-assets.ts';
import { TtlCache } from './ttl-cache.ts';
import type { Logger } from './logger.ts';
import type { Clock, Services } from './trpc/context.ts';
import { EventBus } from './events/bus.ts';
import { listenForEvents } from './events/pg-listener.ts';
import { attachLiveSockets, type LiveSockets } from './http/websocket.ts';

/** GET /api/stats/activity is computed at most once per five minutes. */
const ACTIVITY_TTL_MS = 5 * 60 * 1000;
const EVENT_PRUNE_INTERVAL_MS = 10 * 60 * 1000;

export interface RunningServer {
  url: string;
  port: number;
  orm: Orm;
  /** Stops accepting connections, lets in-flight requests finish (at most `graceMs`), then closes the database. */
  close(graceMs?: number): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function closeHttp(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export interface ServerOptions {
  /** The procedures to serve; tests serve a fixture router to exercise the adapter. */
  router?: AnyRouter;
  clock?: Clock;
}

export async function startServer(config: Config, log: Logger, { router = appRouter, clock = () => new Date() }: ServerOptions = {}): Promise<RunningServer> {
  const orm = await openDatabase(config.database, log);
  const itemAssets = new ItemAssets(config.dataDir);
  await itemAssets.prepare((itemIds) => committedImageTokens(orm.em.fork(), itemIds));
  const events = new EventBus(orm, log);
  if (config.database.kind === 'postgresql') {
    events.useListener(await listenForEvents(config.database.url, (id) => void events.received(id), log));
  }
  let sockets: LiveSockets | null = null;
  const services: Services = {
    startedAt: clock(),
    activityCache: new TtlCache(ACTIVITY_TTL_MS),
    itemAssets,
    events,
    liveConnections: () => sockets?.count() ?? 0,
    statsIntervalMs: config.live.statsIntervalMs,
  };
  const deps = { orm, identify: createIdentify(config), clock, services };
  const server = createServer(createApp(router, deps, log, { ...config.rateLimit, exempt: ['/health'] }));
  sockets = attachLiveSockets(server, router, deps, log, config.live);
  const pruning = setInterval(() => void events.prune(clock()), EVENT_PRUNE_INTERVAL_MS).unref();
  // Keep-alive sockets that go idle during shutdown are closed at once instead of waiting for their timeout.
  server.on('request', (_req, res) => res.on('finish', () => closing && server.closeIdleConnections()));
  let closing = false;
  try {
    const address = await listen(server, config.port, config.host);
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return {
      url: `http://${host}:${address.port}`,
      port: address.port,
      orm,
      async close(graceMs = 8000) {
        closing = true;
        clearInterval(pruning);
        await sockets?.close();
        await closeHttp(server, graceMs);
        await events.close();
        await orm.close();
      },
    };
  } catch (error) {
    clearInterval(pruning);
    await events.close();
    await orm.close(true);
    throw error;
  }
}
