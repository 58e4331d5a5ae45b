// Starts and stops the whole server: database, HTTP on one port, graceful close.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Application } from './application.ts';
import { createIdentify } from './auth.ts';
import type { Config } from './config.ts';
import { closeDatabase, openDatabase, type Orm, watchForHangs } from './database/open.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { createRequestListener } from './http/app.ts';
import type { Logger } from './logger.ts';
import type { Clock, Services } from './trpc/context.ts';
import { EventBus } from './events/bus.ts';
import { listenForEvents } from './events/pg-listener.ts';
import { withConnectionBudget } from './http/connection-budget.ts';
import { attachLiveSockets, isLiveSocketUpgrade, type LiveSockets } from './http/websocket.ts';
import { RateLimiter } from './rate-limiter.ts';
import { clientAddressReader } from './http/client-address.ts';
import { PolicyTable } from './trpc/policy-table.ts';
import { ServerMetrics } from './metrics/server-metrics.ts';
import { watchDatabasePool } from './metrics/database-pool.ts';
import { RetentionPruner } from './database/retention.ts';
import { readTableSizes } from './database/table-sizes.ts';
import { UploadDir } from './uploads.ts';
import { noStorageFloor, storageFloor } from './storage-floor.ts';
import { PACKAGE_VERSION } from './package-version.ts';
import { type ServerBackups, startBackups } from './backup/server-backups.ts';

const EVENT_PRUNE_INTERVAL_MS = 10 * 60 * 1000;
/** The signal that makes every instance on the database drop its cached data. */
const CLEAR_CACHES = 'clear-caches';

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
  clock?: Clock;
}

export async function startServer(
  config: Config,
  log: Logger,
  application: Application,
  { clock = () => new Date() }: ServerOptions = {},
): Promise<RunningServer> {
  const { domain } = application;
  const policies = PolicyTable.read(domain.router);
  const dataDirLock = await lockDataDir(config.dataDir);
  const orm = await openDatabase(config.database, application.persistence, log).catch(async (error: unknown) => {
    await dataDirLock.release();
    throw error;
  });
  const metrics = new ServerMetrics();
  const events = new EventBus(orm, policies.announcingFamilies, log, metrics);
  const pruneEvents = () =>
    events.prune(clock()).catch((error: unknown) => log.warn({ err: error }, 'could not prune old live events'));
  let sockets: LiveSockets | null = null;
  let rateLimiter: RateLimiter | null = null;
  let pruning: NodeJS.Timeout | undefined;
  let backups: ServerBackups | null = null;
  let retention: RetentionPruner | null = null;
  let closing = false;
  let closed: Promise<void> | undefined;
  try {
    // Pruned before the feeds read where they stand, so a restart after a long stop refuses resumes it cannot serve.
    await pruneEvents();
    await events.start();
    const uploads = new UploadDir(config.dataDir);
    await uploads.prepare();
    const started = await domain.start({
      orm,
      dataDir: config.dataDir,
      log,
      onClearCaches: (listener) => events.onSignal(CLEAR_CACHES, listener),
      onSignal: (name, listener) => events.onSignal(name, listener),
      signalIn: (em, name) => events.signalIn(em, name),
      assetCacheBytes: config.assetCacheBytes,
    });
    if (config.database.kind === 'postgresql') {
      await watchDatabasePool(orm, metrics);
      events.useListener(
        await listenForEvents(
          config.database.url,
          (payload) => events.heard(payload),
          () => events.catchUp(),
          log,
        ),
      );
      // What other instances committed between reading the heads and listening was announced to nobody here.
      events.catchUp();
    }
    const countRefusal = () => metrics.rateLimited.inc();
    rateLimiter =
      config.database.kind === 'postgresql'
        ? RateLimiter.onPostgres(config.rateLimit, config.database.url, log, countRefusal)
        : RateLimiter.inMemory(config.rateLimit, countRefusal);
    const services: Services = {
      version: PACKAGE_VERSION,
      startedAt: clock(),
      clearCaches: () => events.signal(CLEAR_CACHES),
      uploads,
      domain: started.services,
      events,
      announced: policies.announced,
      liveConnections: () => sockets?.count() ?? 0,
      shuttingDown: () => closing,
      statsIntervalMs: config.live.statsIntervalMs,
      clientAddress: clientAddressReader(config.trustProxy),
      rateLimiter,
      metrics,
      storage:
        config.database.kind === 'pglite' && config.database.dataDir !== null && config.dataDirMinFreeBytes > 0
          ? storageFloor(config.dataDir, config.dataDirMinFreeBytes)
          : noStorageFloor,
    };
    const deps = { orm, identify: createIdentify(config), clock, services };
    const listener = createRequestListener({
      router: domain.router,
      policies,
      transport: application.transport({ router: domain.router, deps, policies }),
      pages: [...application.pages, ...started.routes],
      deps,
      log,
      metricsAccess: config.metrics,
      browsers: config.browsers,
    });
    const server = createServer({ shouldUpgradeCallback: isLiveSocketUpgrade }, withConnectionBudget(listener));
    sockets = attachLiveSockets(server, domain.router, deps, log, config.live, config.browsers);
    metrics.watch({
      families: policies.announcingFamilies,
      subscribers: (family) => events.subscriberCount(family),
      openSockets: () => sockets?.open() ?? 0,
    });
    if (config.metrics.kind === 'disabled')
      log.warn(
        `GET /metrics is not served: HOST (${config.host}) is not a loopback address and METRICS_TOKEN is not set`,
      );
    pruning = setInterval(pruneEvents, EVENT_PRUNE_INTERVAL_MS).unref();
    const growingTables = application.persistence.growingTables(config.retention);
    const growingTableNames = growingTables.map(({ table }) => table);
    metrics.watchTableSizes(
      () => readTableSizes(orm, growingTableNames),
      (error) => log.warn({ err: error }, 'could not read the sizes of the tables that grow'),
    );
    retention = new RetentionPruner({
      orm,
      kind: config.database.kind,
      tables: growingTables,
      intervalMs: config.retention.intervalMs,
      clock,
      log,
      onPruned: (table, rows) => metrics.rowsPruned.inc({ table }, rows),
    });
    // Keep-alive sockets that go idle during shutdown are closed at once instead of waiting for their timeout.
    server.on('request', (_req, res) => res.on('finish', () => closing && server.closeIdleConnections()));
    watchForHangs(orm, config.database);
    backups = await startBackups(orm, config, log);
    const address = await listen(server, config.port, config.host);
    retention.start();
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return {
      url: `http://${host}:${address.port}`,
      port: address.port,
      orm,
      // Once: a second call (a test's own, then its teardown's) waits for the first rather than ending pools twice.
      close(graceMs = 8000) {
        closed ??= (async () => {
          closing = true;
          clearInterval(pruning);
          await backups?.close();
          await retention?.stop();
          await sockets?.close();
          await closeHttp(server, graceMs);
          await events.close();
          await rateLimiter?.close();
          await closeDatabase(orm);
          await dataDirLock.release();
        })();
        return closed;
      },
    };
  } catch (error) {
    clearInterval(pruning);
    await backups?.close();
    await retention?.stop();
    await sockets?.close();
    await events.close();
    await rateLimiter?.close();
    await closeDatabase(orm, true);
    await dataDirLock.release();
    throw error;
  }
}
