// GET /metrics (see the README's "Metrics"): what a known sequence of requests, a subscription and a refused socket
// add up to, in Prometheus' text format; who may read it; and the X-Request-Id every response carries.
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { IMAGES } from '../fixtures/images.ts';
import { onboard } from '../support/aurora.ts';
import { onPostgres } from '../support/database.ts';
import { liveClient } from '../support/live.ts';
import { runServerProcess } from '../support/process.ts';
import { parseExposition } from '../support/prometheus.ts';
import { API_KEY, hubgw, request, startTestServer, type TestServer, useTestServer } from '../support/server.ts';

const PLAYER = '6f1d2c3b-4a59-4e8f-9b7a-0c1d2e3f4a5b';

async function scrape(server: TestServer, headers: Record<string, string> = {}) {
  const response = await request(server, 'GET', '/metrics', { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseExposition(response.text);
}

/** Resolves with the status a WebSocket upgrade is refused with. */
function refusedUpgrade(server: TestServer): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/ws`);
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('open', () => reject(new Error('the socket was accepted')));
    socket.on('error', () => undefined);
  });
}

describe('GET /metrics after a known sequence', () => {
  // Aurora calls the rate limit counts below: 4 REST requests, 1 subscription start, then 3 more fill the 8.
  const server = useTestServer({ env: { WS_MAX_CONNECTIONS: '1', RATE_LIMIT__MAX: '8' } });

  it('counts requests by route template, calls by procedure, live events and sockets, with bounded labels', async () => {
    expect((await request(server, 'GET', '/api/users')).status).toBe(200);
    expect((await request(server, 'GET', '/api/users?_=1700000000000')).status).toBe(200);
    expect((await request(server, 'GET', '/api/users/999')).status).toBe(404);
    expect((await request(server, 'GET', `/api/v1/homes/${PLAYER}`)).status).toBe(401);
    expect((await hubgw(server, 'GET', `/homes/${PLAYER}`)).status).toBe(200);
    expect((await request(server, 'GET', '/no/such/route')).status).toBe(404);
    const input = encodeURIComponent(JSON.stringify({ player_uuid: PLAYER }));
    expect(
      (await request(server, 'GET', `/trpc/hubgw.homes.list?input=${input}`, { headers: { 'X-API-Key': API_KEY } }))
        .status,
    ).toBe(200);

    const client = liveClient(server);
    try {
      const delivered: unknown[] = [];
      const started = Promise.withResolvers<void>();
      // Left open until the scrape, which then counts it as a subscriber.
      client.trpc.aurora.live.events.subscribe(undefined, {
        onStarted: () => started.resolve(),
        onData: (event: unknown) => delivered.push(event),
      });
      await started.promise;
      expect(await refusedUpgrade(server)).toBe(503);
      expect((await request(server, 'POST', '/api/classes', { json: { id: 'metrics', name: 'Metrics' } })).status).toBe(
        201,
      );
      await expect.poll(() => delivered.length).toBe(1);
      for (let i = 0; i < 3; i++) expect((await request(server, 'GET', '/api/classes')).status).toBe(200);
      expect((await request(server, 'GET', '/api/classes')).status).toBe(429);

      const metrics = await scrape(server);
      const http = (family: string, route: string, method: string, status: string) =>
        metrics.value('http_requests_total', { family, route, method, status });
      expect(http('aurora', '/api/users', 'GET', '200')).toBe(2);
      expect(http('aurora', '/api/users/{id}', 'GET', '404')).toBe(1);
      expect(http('hubgw', '/api/v1/homes/{player_uuid}', 'GET', '401')).toBe(1);
      expect(http('hubgw', '/api/v1/homes/{player_uuid}', 'GET', '200')).toBe(1);
      expect(http('server', '(unmatched)', 'GET', '404')).toBe(1);
      expect(http('trpc', '/trpc', 'GET', '200')).toBe(1);
      expect(http('aurora', '/api/classes', 'POST', '201')).toBe(1);
      expect(http('aurora', '/api/classes', 'GET', '200')).toBe(3);
      expect(
        metrics.value('http_request_duration_seconds_count', { route: '/api/users', method: 'GET', status: '200' }),
      ).toBe(2);
      expect(
        metrics.value('http_request_duration_seconds_bucket', {
          route: '/api/users',
          method: 'GET',
          status: '200',
          le: '0.5',
        }),
      ).toBe(2);

      const call = (procedure: string, transport: string, outcome: string) =>
        metrics.value('trpc_calls_total', { procedure, transport, outcome });
      expect(call('aurora.users.list', 'rest', 'ok')).toBe(2);
      expect(call('aurora.users.get', 'rest', 'not_found')).toBe(1);
      expect(call('hubgw.homes.list', 'rest', 'unauthorized')).toBe(1);
      expect(call('hubgw.homes.list', 'rest', 'ok')).toBe(1);
      expect(call('hubgw.homes.list', 'http', 'ok')).toBe(1);
      expect(call('aurora.live.events', 'ws', 'ok')).toBe(1);

      expect(metrics.value('live_events_published_total', { family: 'aurora' })).toBe(1);
      expect(metrics.value('live_events_delivered_total', { family: 'aurora' })).toBe(1);
      expect(metrics.value('live_event_delivery_lag_seconds_count', { family: 'aurora' })).toBe(1);
      expect(metrics.value('live_subscribers', { family: 'aurora' })).toBe(1);
      expect(metrics.value('live_subscribers', { family: 'hubgw' })).toBe(0);
      expect(metrics.value('websocket_connections')).toBe(1);
      expect(metrics.value('websocket_refusals_total', { reason: 'cap' })).toBe(1);
      expect(metrics.value('rate_limit_rejections_total')).toBe(1);

      // Node's own process metrics come with it.
      for (const name of ['nodejs_heap_size_used_bytes', 'process_resident_memory_bytes'])
        expect(metrics.value(name), name).toBeGreaterThan(0);
      expect(metrics.value('nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
      expect(metrics.types.get('nodejs_gc_duration_seconds')).toBe('histogram');

      const labelValues = metrics.samples.flatMap((sample) => Object.values(sample.labels));
      expect(
        labelValues.filter((value) => value.includes('999') || value.includes(PLAYER) || value.includes('no/such')),
      ).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('is served past the rate limit, which never counts it', async () => {
    expect((await request(server, 'GET', '/api/classes')).status).toBe(429);
    for (let i = 0; i < 3; i++) await scrape(server);
  });
});

describe('a socket closed by the idle timeout', () => {
  const server = useTestServer({ env: { WS_IDLE_TIMEOUT_MS: '300' } });

  it('is counted', async () => {
    // A raw socket never answers tRPC's PING, so it is silent for the whole timeout.
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/ws`);
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    expect(await closed).toBe(4408);
    const metrics = await scrape(server);
    expect(metrics.value('websocket_idle_closes_total')).toBe(1);
    expect(metrics.value('websocket_connections')).toBe(0);
  });
});

describe('upload metrics', () => {
  const server = useTestServer();

  it('counts the bytes of a received image and a refused upload by its reason', async () => {
    const upload = (file: Buffer) => {
      const form = new FormData();
      form.append('data', JSON.stringify({ name: `Gem ${file.length}`, type: 'MATERIAL', rarity: 'C' }));
      form.append('image', new Blob([file]), 'image.png');
      return fetch(`${server.url}/api/items`, { method: 'POST', body: form });
    };
    expect((await upload(IMAGES.png)).status).toBe(201);
    expect((await upload(Buffer.from('not an image at all'))).status).toBe(400);
    const metrics = await scrape(server);
    expect(metrics.value('upload_bytes_total')).toBe(IMAGES.png.length);
    expect(metrics.value('upload_refusals_total', { reason: 'validation_error' })).toBe(1);
  });
});

describe('who may read /metrics', () => {
  const exposed = { HOST: '0.0.0.0', SECURITY__ADMIN_TOKEN: 'admin-token-0123456789' };
  let guarded: TestServer;
  let unguarded: TestServer;
  beforeAll(async () => {
    guarded = await startTestServer({ env: { ...exposed, METRICS_TOKEN: 'metrics-token-0123456789' } });
    unguarded = await startTestServer({ env: exposed });
  });
  afterAll(async () => {
    await guarded.close();
    await unguarded.close();
  });

  it('asks for METRICS_TOKEN when HOST is not a loopback address', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer admin-token-0123456789' },
      { Authorization: 'Basic bWV0cmljcw==' },
    ];
    for (const headers of attempts) {
      const refused = await request(guarded, 'GET', '/metrics', { headers });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(refused.body).toEqual({ error: 'Missing or invalid metrics token' });
    }
    await scrape(guarded, { Authorization: 'bearer metrics-token-0123456789' });
  });

  it('is not served there without METRICS_TOKEN', async () => {
    const response = await request(unguarded, 'GET', '/metrics', {
      headers: { Authorization: 'Bearer admin-token-0123456789' },
    });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: 'No route for GET /metrics' });
  });
});

describe("the README's example queries", () => {
  it('are the Grafana dashboard panels, and name only metrics the server exposes', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const queries = /```promql\n([\s\S]*?)```/
      .exec(readme)![1]!
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    const dashboard = JSON.parse(await readFile(new URL('../../docs/grafana-dashboard.json', import.meta.url), 'utf8'));
    const panelQueries = dashboard.panels.flatMap((panel: { targets: { expr: string }[] }) =>
      panel.targets.map((target) => target.expr),
    );
    expect(queries).toHaveLength(3);
    for (const query of queries) expect(panelQueries).toContain(query);
    const server = await startTestServer();
    try {
      const exposed = (await scrape(server)).types;
      const named = panelQueries.flatMap(
        (query: string) => query.match(/\b[a-z]+(?:_[a-z0-9]+)+\b/g) ?? [],
      ) as string[];
      const metricNames = new Set(
        named.filter((name) => name !== 'histogram_quantile').map((name) => name.replace(/_bucket$/, '')),
      );
      expect(metricNames.size).toBeGreaterThanOrEqual(4);
      // PGlite has no pool, so the pool's gauges exist only on PostgreSQL.
      for (const name of metricNames)
        expect(exposed.has(name) || (!onPostgres && name.startsWith('db_pool_')), name).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe.skipIf(!onPostgres)('database metrics', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { DATABASE__STATEMENT_TIMEOUT_MS: '300' } });
  });
  afterAll(() => server?.close());

  it("shows the pool, a connection's wait, a statement timeout and its 503", async () => {
    const userId = await onboard(server, { balance: '100' });
    const holder = new pg.Client({ connectionString: server.databaseUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from aurora.users where id = $1 for update', [userId]);
      expect((await request(server, 'PUT', `/api/users/${userId}`, { json: { balance: '5' } })).status).toBe(503);
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    const metrics = await scrape(server);
    expect(metrics.value('db_statement_timeouts_total')).toBe(1);
    expect(metrics.value('db_unavailable_responses_total')).toBe(1);
    expect(
      metrics.value('trpc_calls_total', {
        procedure: 'aurora.users.update',
        transport: 'rest',
        outcome: 'unavailable',
      }),
    ).toBe(1);
    expect(metrics.value('db_pool_acquire_duration_seconds_count')).toBeGreaterThanOrEqual(2);
    expect(metrics.value('db_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(1);
    expect(metrics.value('db_pool_connections', { state: 'in_use' })).toBe(0);
    expect(metrics.value('db_pool_waiting_requests')).toBe(0);
  });
});

describe('X-Request-Id', () => {
  const server = useTestServer();

  it("is on every response: the caller's when it is sane, a new one otherwise", async () => {
    for (const path of ['/api/users', '/api/v1/homes/x', '/trpc/aurora.users.list', '/metrics', '/nowhere']) {
      const echoed = await request(server, 'GET', path, { headers: { 'X-Request-Id': 'lb-7f3a.2:9' } });
      expect(echoed.headers.get('x-request-id'), path).toBe('lb-7f3a.2:9');
      const made = await request(server, 'GET', path);
      expect(made.headers.get('x-request-id'), path).toMatch(/^[0-9a-f-]{36}$/);
    }
    for (const insane of ['has spaces in it', 'x'.repeat(129), 'semi;colon']) {
      const replaced = await request(server, 'GET', '/api/users', { headers: { 'X-Request-Id': insane } });
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('a server process', () => {
  it('logs each request under its X-Request-Id, and says when /metrics is not served', async () => {
    const server = runServerProcess({
      HOST: '0.0.0.0',
      SECURITY__ADMIN_TOKEN: 'admin-token-0123456789',
      SECURITY__API_KEY: API_KEY,
    });
    try {
      const notServed = await server.waitForLog(
        'GET /metrics is not served: HOST (0.0.0.0) is not a loopback address and METRICS_TOKEN is not set',
      );
      expect(notServed.level).toBe(40);
      const { port } = (await server.waitForLog('listening')) as { port: number };
      const given = await fetch(`http://127.0.0.1:${port}/api/v1/homes/${PLAYER}`, {
        headers: { 'X-API-Key': API_KEY, 'X-Request-Id': 'plugin-42' },
      });
      const made = await fetch(`http://127.0.0.1:${port}/api/users`);
      const madeId = made.headers.get('x-request-id');
      expect([given.headers.get('x-request-id'), given.status, made.status]).toEqual(['plugin-42', 200, 401]);
      await expect
        .poll(() =>
          server.logs.filter((line) => line.msg === 'request').map((line) => [line.reqId, line.path, line.status]),
        )
        .toEqual([
          ['plugin-42', `/api/v1/homes/${PLAYER}`, 200],
          [madeId, '/api/users', 401],
        ]);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
