// What an operator graphs: one prom-client registry per server, with every metric it exposes at /metrics. Labels are
// bounded by construction: route templates, procedure names, families and error codes, never ids or raw paths.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { isStatementTimeout } from '../database/errors.ts';
import type { TableSize } from '../database/table-sizes.ts';
import { toAppError } from '../errors.ts';

/** Seconds; fine enough to tell 1 ms from 2.5 ms and 250 ms from 500 ms. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Where a live subscriber count comes from: the event bus, read at scrape time. */
export type SubscriberCount = (family: string) => number;

/** What pg's pool tells of its connections. */
export interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

export class ServerMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by API family, route template, method and status.',
    labelNames: ['family', 'route', 'method', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from a request arriving to its response ending, by API family, route template, method and status.',
    labelNames: ['family', 'route', 'method', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly trpcCalls = new Counter({
    name: 'trpc_calls_total',
    help: 'Procedure calls, by procedure, transport (rest, http, ws) and outcome (ok or the error code).',
    labelNames: ['procedure', 'transport', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly poolAcquire = new Histogram({
    name: 'db_pool_acquire_duration_seconds',
    help: 'Time spent waiting for a PostgreSQL pool connection.',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly statementTimeouts = new Counter({
    name: 'db_statement_timeouts_total',
    help: 'Statements cancelled by the statement timeout.',
    registers: [this.registry],
  });

  readonly databaseUnavailable = new Counter({
    name: 'db_unavailable_responses_total',
    help: 'Calls answered 503 because the database could not serve them (down, unreachable, or a statement timeout).',
    registers: [this.registry],
  });

  readonly eventsPublished = new Counter({
    name: 'live_events_published_total',
    help: 'Live events stored, by family.',
    labelNames: ['family'] as const,
    registers: [this.registry],
  });

  readonly eventsDelivered = new Counter({
    name: 'live_events_delivered_total',
    help: 'Live events handed to subscribers on this instance, by family; one per subscriber.',
    labelNames: ['family'] as const,
    registers: [this.registry],
  });

  readonly eventLag = new Histogram({
    name: 'live_event_delivery_lag_seconds',
    help: "Time from an event's commit to its delivery to a subscriber, by family.",
    labelNames: ['family'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly subscribersClosedBehind = new Counter({
    name: 'live_subscribers_closed_behind_total',
    help: 'Subscribers closed because they fell too far behind, by family.',
    labelNames: ['family'] as const,
    registers: [this.registry],
  });

  readonly websocketsRefused = new Counter({
    name: 'websocket_refusals_total',
    help: 'WebSocket connections refused, by reason (cap, pending_limit, forbidden_origin, forbidden_host).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly websocketsIdleClosed = new Counter({
    name: 'websocket_idle_closes_total',
    help: 'WebSocket connections closed by the idle timeout.',
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: 'rate_limit_rejections_total',
    help: 'Calls refused with 429 by the rate limit.',
    registers: [this.registry],
  });

  readonly uploadBytes = new Counter({
    name: 'upload_bytes_total',
    help: 'Bytes of item images received.',
    registers: [this.registry],
  });

  readonly uploadRefusals = new Counter({
    name: 'upload_refusals_total',
    help: 'Item image uploads refused, by error code.',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly rowsPruned = new Counter({
    name: 'retention_rows_pruned_total',
    help: 'Rows retention deleted from the tables that grow with use, by table.',
    labelNames: ['table'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Counts one answered HTTP request and how long it took. */
  countRequest(family: string, route: string, method: string, status: number, seconds: number): void {
    const labels = { family, route, method, status: String(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  /** Counts one procedure call by how it ended: `error` is what it failed with, or null when it succeeded. */
  countCall(procedure: string, transport: string, error: unknown): void {
    if (error === null) {
      this.trpcCalls.inc({ procedure, transport, outcome: 'ok' });
      return;
    }
    const outcome = toAppError(error).appCode;
    this.trpcCalls.inc({ procedure, transport, outcome });
    if (outcome === 'unavailable') this.databaseUnavailable.inc();
    if (isStatementTimeout(error)) this.statementTimeouts.inc();
  }

  /** The PostgreSQL pool's connections, read when scraped. */
  watchPool(pool: PoolCounts): void {
    new Gauge({
      name: 'db_pool_connections',
      help: 'PostgreSQL pool connections, by state (in_use, idle).',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
        this.set({ state: 'idle' }, pool.idleCount);
      },
    });
    new Gauge({
      name: 'db_pool_waiting_requests',
      help: 'Requests waiting for a PostgreSQL pool connection.',
      registers: [this.registry],
      collect() {
        this.set(pool.waitingCount);
      },
    });
  }

  /** Live subscribers and open sockets are read when scraped, from whatever holds them. */
  watch(sources: { families: string[]; subscribers: SubscriberCount; openSockets: () => number }): void {
    new Gauge({
      name: 'live_subscribers',
      help: 'Live event subscribers on this instance, by family.',
      labelNames: ['family'] as const,
      registers: [this.registry],
      collect() {
        for (const family of sources.families) this.set({ family }, sources.subscribers(family));
      },
    });
    new Gauge({
      name: 'websocket_connections',
      help: 'Open WebSocket connections on this instance, pending ones included.',
      registers: [this.registry],
      collect() {
        this.set(sources.openSockets());
      },
    });
  }

  /**
   * The tables that grow with use, by table: their estimated rows and their bytes, read once per scrape by one
   * catalogue query. A scrape the database cannot answer shows no sizes, rather than failing or showing old ones.
   */
  watchTableSizes(read: () => Promise<TableSize[]>, onError: (error: unknown) => void): void {
    let pending: Promise<TableSize[]> | null = null;
    // A scrape collects both gauges at once (prom-client starts every collect before awaiting any): they share one read.
    const sizes = () => {
      pending ??= read()
        .catch((error: unknown) => {
          onError(error);
          return [];
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    };
    const gauges = [
      {
        name: 'table_estimated_rows',
        help: "Rows in a table that grows with use, by table: the last analyze's rows per page times its pages now, as the planner estimates; -1 until first analyzed.",
        value: (size: TableSize) => size.estimatedRows,
      },
      {
        name: 'table_size_bytes',
        help: 'Bytes a table that grows with use takes on disk with its indexes and TOAST, by table.',
        value: (size: TableSize) => size.bytes,
      },
    ];
    for (const { name, help, value } of gauges)
      new Gauge({
        name,
        help,
        labelNames: ['table'] as const,
        registers: [this.registry],
        async collect() {
          this.reset();
          for (const size of await sizes()) this.set({ table: size.table }, value(size));
        },
      });
  }
}
