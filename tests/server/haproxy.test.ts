// Three instances on one PostgreSQL behind HAProxy, with the configuration the README ships (deploy/haproxy.cfg):
// clients write through it while live subscribers of both families listen through it, and one instance is killed
// with SIGKILL in the middle. On PostgreSQL only, with Debian's haproxy (.ci/run installs it).
import { request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '#routers/index.ts';
import { IMAGES } from '../fixtures/images.ts';
import { createTestDatabase, onPostgres, queryDatabase, type TestDatabase } from '../support/database.ts';
import { type Haproxy, skipWithoutHaproxy, startHaproxy } from '../support/haproxy.ts';
import { runServerProcess, type ServerProcess } from '../support/process.ts';
import { API_KEY } from '../support/server.ts';

const INSTANCES = 3;
const WRITERS = 6;
/** Writes acknowledged before the kill, so that it lands in the middle of the load. */
const WRITES_BEFORE_KILL = 120;
/** Writes each writer still makes once HAProxy has marked the killed instance down. */
const WRITES_AFTER_MARK_DOWN = 15;
const MAX_WRITES_PER_WRITER = 400;
const LOAD_DEADLINE_MS = 45_000;

/** Three instances on a fresh database with `env`, and HAProxy in front of them, for one describe block. */
function useCluster(env: Record<string, string>) {
  const cluster = {} as { database: TestDatabase; instances: ServerProcess[]; ports: number[]; proxy: Haproxy };
  beforeAll(async () => {
    cluster.database = await createTestDatabase();
    // Started at once on an empty database, as a fresh deployment starts its replicas: they take turns migrating.
    cluster.instances = Array.from({ length: INSTANCES }, () =>
      runServerProcess({ DATABASE_URL: cluster.database.url, SECURITY__API_KEY: API_KEY, ...env }),
    );
    cluster.ports = await Promise.all(
      cluster.instances.map(
        async (instance) => ((await instance.waitForLog('listening', 60_000)) as { port: number }).port,
      ),
    );
    cluster.proxy = await startHaproxy(cluster.ports);
  }, 90_000);
  afterAll(async () => {
    await cluster.proxy?.stop();
    for (const instance of cluster.instances ?? []) {
      instance.child.kill('SIGKILL');
      await instance.exited;
    }
    await cluster.database?.drop();
  });
  return cluster;
}

type Family = 'aurora' | 'hubgw';

/** A subscriber through HAProxy that, like a dashboard or a game server, reconnects by itself and resumes. */
function subscriber(proxyUrl: string, family: Family, lastEventId: string) {
  const state = { family, received: [] as string[], opens: 0, errors: [] as unknown[] };
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const socket = createWSClient({
    url: `${proxyUrl.replace('http', 'ws')}/ws`,
    connectionParams: { apiKey: API_KEY },
    retryDelayMs: () => 100,
    onOpen: () => state.opens++,
  });
  const trpc = createTRPCClient<AppRouter>({ links: [wsLink({ client: socket })] });
  const handlers = {
    onStarted: markStarted,
    onData: ({ id }: { id: string }) => state.received.push(id),
    onError: (error: unknown) => state.errors.push(error),
  };
  if (family === 'aurora') trpc.aurora.live.events.subscribe({ lastEventId }, handlers);
  else trpc.hubgw.live.events.subscribe({ lastEventId }, handlers);
  return { state, started, close: () => socket.close() };
}

interface Outcome {
  kind: 'quest' | 'whitelist';
  name: string;
  sentAt: number;
  endedAt: number;
  status: number | null;
  error?: string;
}

/** One write through HAProxy: an Aurora quest or a HubGW whitelist entry, both announced as live events. */
async function write(proxyUrl: string, kind: Outcome['kind'], name: string): Promise<Outcome> {
  const [path, headers, body] =
    kind === 'quest'
      ? ['/api/quests', {}, { name, triggerEvent: 'haproxy', target: 1 }]
      : ['/api/v1/whitelist/add', { 'X-API-Key': API_KEY }, { player_name: name, added_by: 'console' }];
  const sentAt = performance.now();
  try {
    const response = await fetch(`${proxyUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    await response.arrayBuffer();
    return { kind, name, sentAt, endedAt: performance.now(), status: response.status };
  } catch (error) {
    return {
      kind,
      name,
      sentAt,
      endedAt: performance.now(),
      status: null,
      error: `${error}: ${(error as { cause?: unknown }).cause}`,
    };
  }
}

async function websocketsOn(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(text.match(/^websocket_connections (\d+)$/m)?.[1]);
}

async function newestEvent(url: string, family: Family): Promise<string> {
  const [{ head }] = (await queryDatabase<{ head: string }>(
    url,
    'select coalesce(max(id), 0)::text as head from live_events where family = $1',
    [family],
  )) as [{ head: string }];
  return head;
}

describe.skipIf(!onPostgres || skipWithoutHaproxy)('three instances behind HAProxy, one killed under load', () => {
  const cluster = useCluster({ RATE_LIMIT__MAX: '100000000', WS_MAX_CONNECTIONS: '100' });

  it('loses no acknowledged write, fails only what was in flight on it, and every subscriber resumes', async () => {
    const { database, instances, ports, proxy } = cluster;
    const heads = {
      aurora: await newestEvent(database.url, 'aurora'),
      hubgw: await newestEvent(database.url, 'hubgw'),
    };

    // One at a time, so that round robin puts one subscriber of each family on every instance.
    const subscribers = [];
    for (let i = 0; i < 2 * INSTANCES; i++) {
      const family: Family = i % 2 === 0 ? 'aurora' : 'hubgw';
      const live = subscriber(proxy.url, family, heads[family]);
      await live.started;
      subscribers.push(live);
    }
    expect(await Promise.all(ports.map(websocketsOn))).toEqual(Array(INSTANCES).fill(2));

    const victim = 1;
    const outcomes: Outcome[] = [];
    let killedAt = Number.POSITIVE_INFINITY;
    let goneAt = Number.POSITIVE_INFINITY;
    let markedDownAt = Number.POSITIVE_INFINITY;
    const loadStart = performance.now();
    const acknowledged = () => outcomes.filter((outcome) => outcome.status === 201).length;
    const afterMarkDown = (writer: string) =>
      outcomes.filter((outcome) => outcome.name.startsWith(writer) && outcome.sentAt > markedDownAt).length;

    const writers = Array.from({ length: WRITERS }, async (_, writer) => {
      const prefix = `w${writer}_`;
      for (let i = 0; i < MAX_WRITES_PER_WRITER && performance.now() - loadStart < LOAD_DEADLINE_MS; i++) {
        if (afterMarkDown(prefix) >= WRITES_AFTER_MARK_DOWN) break;
        outcomes.push(await write(proxy.url, i % 2 === 0 ? 'quest' : 'whitelist', `${prefix}${i}`));
      }
    });
    const killer = (async () => {
      while (acknowledged() < WRITES_BEFORE_KILL && performance.now() - loadStart < LOAD_DEADLINE_MS) await sleep(5);
      killedAt = performance.now();
      instances[victim]!.child.kill('SIGKILL');
      await instances[victim]!.exited;
      goneAt = performance.now();
      await proxy.waitFor(new RegExp(`Server instances/game${victim + 1} is DOWN`));
      markedDownAt = performance.now();
    })();
    await Promise.all([...writers, killer]);

    // Every write was answered, and the kill fell in the middle of the load.
    expect(outcomes.length).toBeLessThanOrEqual(WRITERS * MAX_WRITES_PER_WRITER);
    expect(outcomes.filter((outcome) => outcome.sentAt < killedAt).length).toBeGreaterThanOrEqual(WRITES_BEFORE_KILL);
    for (let writer = 0; writer < WRITERS; writer++) expect(afterMarkDown(`w${writer}_`)).toBe(WRITES_AFTER_MARK_DOWN);

    // What failed was in flight on the killed instance: unanswered when it was killed, and sent before its process was
    // gone (until then its socket still takes connections, which its end then resets), at most one per writer.
    // Nothing sent later failed, neither before HAProxy marked it down (a refused connection is sent to another
    // instance) nor after.
    const failed = outcomes.filter((outcome) => outcome.status !== 201);
    for (const outcome of failed) {
      expect(outcome.sentAt, JSON.stringify(outcome)).toBeLessThan(goneAt);
      expect(outcome.endedAt, JSON.stringify(outcome)).toBeGreaterThanOrEqual(killedAt);
    }
    expect(failed.length).toBeLessThanOrEqual(WRITERS);

    // Every acknowledged write is in the database.
    const stored = new Set(
      (
        await queryDatabase<{ name: string }>(
          database.url,
          'select name from aurora.quests union all select player_name as name from hubgw.whitelist',
        )
      ).map((row) => row.name),
    );
    const lost = outcomes.filter((outcome) => outcome.status === 201 && !stored.has(outcome.name));
    expect(lost).toEqual([]);

    // Every subscriber, the two on the killed instance having reconnected through HAProxy, has every event of its
    // family exactly once and in commit order.
    const committed = async (family: Family) =>
      (
        await queryDatabase<{ id: string }>(
          database.url,
          'select id::text as id from live_events where family = $1 and id > $2 order by live_events.id',
          [family, heads[family]],
        )
      ).map((row) => row.id);
    const expected = { aurora: await committed('aurora'), hubgw: await committed('hubgw') };
    const acknowledgedOf = (kind: Outcome['kind']) =>
      outcomes.filter((outcome) => outcome.kind === kind && outcome.status === 201).length;
    expect(expected.aurora.length).toBeGreaterThanOrEqual(acknowledgedOf('quest'));
    expect(expected.hubgw.length).toBeGreaterThanOrEqual(acknowledgedOf('whitelist'));
    for (
      let waited = 0;
      subscribers.some(({ state }) => state.received.length < expected[state.family].length) && waited < 20_000;
      waited += 100
    )
      await sleep(100);
    for (const { close } of subscribers) close();
    for (const { state } of subscribers) {
      expect({ family: state.family, errors: state.errors, received: state.received }).toEqual({
        family: state.family,
        errors: [],
        received: expected[state.family],
      });
    }
    const reconnected = subscribers.filter(({ state }) => state.opens > 1).map(({ state }) => state.family);
    expect(reconnected.sort()).toEqual(['aurora', 'hubgw']);
  }, 120_000);
});

/** A GET through HAProxy from the loopback address `from`, as a client on its own machine would send it. */
function getFrom(proxyUrl: string, from: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest(`${proxyUrl}${path}`, { localAddress: from, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end();
  });
}

const LIMIT = 6;
const limited = { RATE_LIMIT__MAX: String(LIMIT), RATE_LIMIT__WINDOW_SECONDS: '3600' };

describe.skipIf(!onPostgres || skipWithoutHaproxy)('state shared by three instances behind HAProxy', () => {
  describe('an item image', () => {
    const cluster = useCluster({});

    it('an image uploaded through one instance is served, with the same ETag, by every instance', async () => {
      const body = new FormData();
      body.append('data', JSON.stringify({ name: 'Shared Potion', type: 'CONSUMABLE', rarity: 'C', price: '1' }));
      body.append('image', new Blob([IMAGES.png], { type: 'image/png' }), 'potion.png');
      const created = await fetch(`${cluster.proxy.url}/api/items`, { method: 'POST', body });
      expect(created.status).toBe(201);
      const { item } = (await created.json()) as { item: { imageUrl: string } };
      const served = await Promise.all(
        cluster.ports.map(async (port) => {
          const answer = await fetch(`http://127.0.0.1:${port}${item.imageUrl}`);
          return {
            status: answer.status,
            etag: answer.headers.get('etag'),
            bytes: Buffer.from(await answer.arrayBuffer()),
          };
        }),
      );
      expect(served[0]!.etag).toBeTruthy();
      expect(served).toEqual(Array(INSTANCES).fill({ status: 200, etag: served[0]!.etag, bytes: IMAGES.png }));
    });
  });

  // A cluster of its own: an upload through HAProxy would count against the limit this test measures.
  describe('without TRUST_PROXY', () => {
    const cluster = useCluster(limited);

    it(`gives clients spread over the three instances ${LIMIT} answers in all before 429, not ${3 * LIMIT}`, async () => {
      // Without TRUST_PROXY every client has HAProxy's address: one count, whichever instance answers.
      const statuses = [];
      for (let i = 0; i < 4 * LIMIT; i++)
        statuses.push(await getFrom(cluster.proxy.url, `127.0.0.${2 + (i % 3)}`, '/api/items'));
      expect(statuses).toEqual([...Array(LIMIT).fill(200), ...Array(3 * LIMIT).fill(429)]);
    });
  });

  describe("with TRUST_PROXY set to HAProxy's address", () => {
    const cluster = useCluster({ ...limited, TRUST_PROXY: '127.0.0.1' });

    it('limits each real client on its own, whatever X-Forwarded-For the client sends', async () => {
      const statuses = async (from: string, headers: Record<string, string> = {}) => {
        const answers = [];
        for (let i = 0; i < 2 * LIMIT; i++) answers.push(await getFrom(cluster.proxy.url, from, '/api/items', headers));
        return answers;
      };
      const once = [...Array(LIMIT).fill(200), ...Array(LIMIT).fill(429)];
      expect(await statuses('127.0.0.2')).toEqual(once);
      expect(await statuses('127.0.0.3')).toEqual(once);
      // HAProxy replaces a client's own header: posing as a fresh address does not reset the count.
      expect(await statuses('127.0.0.3', { 'X-Forwarded-For': '127.0.0.9' })).toEqual(Array(2 * LIMIT).fill(429));
    });
  });
});
