// `npm run bench:fanout`: live subscribers on PostgreSQL while REST mutations arrive at a steady rate. For each load
// it reports how long each event took from its commit (the event's timestamp) to each subscriber, and whether any
// was lost, against the goal: p99 under 50 ms with nothing lost; and, from the server's own histogram, the part of
// the p99 spent before the server handed the event to the socket. Prints Markdown.
//   BENCH_DATABASE_URL (admin connection), FANOUT_SECONDS (default 10)
//   FANOUT_LOADS: subscribers×rate pairs, comma-separated (default 10x200,10x500,10x1000,100x200)
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { AppRouter } from '../routers/index.ts';
import { startTarget, stopTarget } from './processes.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.FANOUT_SECONDS ?? 10);
const LOADS = (process.env.FANOUT_LOADS ?? '10x200,10x500,10x1000,100x200').split(',').map((load) => {
  const [subscribers, rate] = load.split('x').map(Number);
  return { subscribers: subscribers!, rate: rate! };
});
const GOAL_P99_MS = 50;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** The server's own count of deliveries by lag bucket (`le` in seconds), from /metrics. */
async function serverLagBuckets(port: number): Promise<Map<number, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const buckets = new Map<number, number>();
  for (const match of text.matchAll(
    /^live_event_delivery_lag_seconds_bucket\{le="([^"]+)",family="aurora"\} (\d+)$/gm,
  )) {
    buckets.set(match[1] === '+Inf' ? Infinity : Number(match[1]), Number(match[2]));
  }
  return buckets;
}

/** The upper bound, in ms, of the bucket that holds the server-side p99 of the deliveries between two scrapes. */
function serverP99Ms(before: Map<number, number>, after: Map<number, number>): number {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const total = (after.get(Infinity) ?? 0) - (before.get(Infinity) ?? 0);
  const bound = bounds.find((le) => (after.get(le) ?? 0) - (before.get(le) ?? 0) >= 0.99 * total);
  return (bound ?? Infinity) * 1000;
}

interface Result {
  serverP99: number;
  subscribers: number;
  rate: number;
  offered: number;
  committed: number;
  p50: number;
  p99: number;
  max: number;
  lost: number;
}

async function measure(port: number, subscribers: number, rate: number): Promise<Result> {
  const base = `http://127.0.0.1:${port}`;
  const latencies: number[] = [];
  const received = Array.from({ length: subscribers }, () => new Set<string>());
  const sockets = Array.from({ length: subscribers }, (_, index) => {
    const socket = createWSClient({ url: `ws://127.0.0.1:${port}/ws` });
    const client = createTRPCClient<AppRouter>({ links: [wsLink({ client: socket })] });
    client.aurora.live.events.subscribe(undefined, {
      onData: ({ id, data }) => {
        latencies.push(Date.now() - Date.parse(data.timestamp));
        received[index]!.add(id);
      },
    });
    return socket;
  });
  await sleep(1000);
  const lagBefore = await serverLagBuckets(port);

  const total = SECONDS * rate;
  const started = Date.now();
  const writes: Promise<number>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    if (due > Date.now()) await sleep(due - Date.now());
    const body = JSON.stringify({ name: `q${i}`, triggerEvent: 'bench', target: 1 });
    writes.push(
      fetch(`${base}/api/quests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
        async (res) => {
          await res.arrayBuffer();
          return res.status;
        },
        () => 0,
      ),
    );
  }
  const offered = total / ((Date.now() - started) / 1000);
  const statuses = await Promise.all(writes);
  const committed = statuses.filter((status) => status === 201).length;
  const failed = Object.entries(
    Object.groupBy(
      statuses.filter((status) => status !== 201),
      String,
    ),
  ).map(([status, list]) => `${list!.length} × ${status}`);
  if (failed.length > 0) console.error(`${subscribers} × ${rate}/s: ${failed.join(', ')}`);
  for (let waited = 0; waited < 10_000 && received.some((ids) => ids.size < committed); waited += 100) await sleep(100);
  for (const socket of sockets) socket.close();
  const serverP99 = serverP99Ms(lagBefore, await serverLagBuckets(port));
  const sorted = latencies.sort((a, b) => a - b);
  const lost = received.reduce((sum, ids) => sum + (committed - ids.size), 0);
  return {
    serverP99,
    subscribers,
    rate,
    offered,
    committed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    lost,
  };
}

const database = `fanout_${Date.now()}`;
await admin(`create database "${database}"`);
const url = new URL(ADMIN_URL);
url.pathname = `/${database}`;
const server = await startTarget('fanout-server', '../main.ts', {
  DATABASE_URL: url.toString(),
  SECURITY__API_KEY: 'fanout',
  RATE_LIMIT__MAX: '100000000',
  WS_MAX_CONNECTIONS: String(Math.max(...LOADS.map((load) => load.subscribers)) + 5),
});

try {
  const results: Result[] = [];
  for (const load of LOADS) {
    const result = await measure(server.port, load.subscribers, load.rate);
    console.error(`measured ${load.subscribers} × ${load.rate}/s: p99 ${result.p99} ms, lost ${result.lost}`);
    results.push(result);
  }
  console.log(
    `Live event fan-out on PostgreSQL, ${SECONDS} s per load; latency from the event's commit to each subscriber.\n`,
  );
  console.log(
    '| subscribers | changes/s asked / offered | committed | p50 ms | p99 ms | max ms | server-side p99 ms (bucket) | lost | goal (p99 < 50 ms, 0 lost) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const met = r.p99 < GOAL_P99_MS && r.lost === 0 && r.committed === SECONDS * r.rate ? 'met' : 'missed';
    console.log(
      `| ${r.subscribers} | ${r.rate} / ${r.offered.toFixed(0)} | ${r.committed} | ${r.p50} | ${r.p99} | ${r.max} | ≤ ${r.serverP99} | ${r.lost} | ${met} |`,
    );
  }
} finally {
  await stopTarget(server);
  await admin(`drop database if exists "${database}" with (force)`);
}
