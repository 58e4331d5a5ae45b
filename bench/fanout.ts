// `npm run bench:fanout`: 10 live subscribers on PostgreSQL while REST mutations arrive at 200 per second. Reports
// how long each event took from its commit (the event's timestamp) to each subscriber, and whether any was lost.
//   BENCH_DATABASE_URL (admin connection), FANOUT_SECONDS (default 10), FANOUT_RATE (default 200), FANOUT_SUBSCRIBERS (default 10)
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { AppRouter } from '../routers/index.ts';
import { startTarget, stopTarget } from './processes.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.FANOUT_SECONDS ?? 10);
const RATE = Number(process.env.FANOUT_RATE ?? 200);
const SUBSCRIBERS = Number(process.env.FANOUT_SUBSCRIBERS ?? 10);

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const database = `fanout_${Date.now()}`;
await admin(`create database "${database}"`);
const url = new URL(ADMIN_URL);
url.pathname = `/${database}`;
const server = await startTarget('fanout-server', '../src/main.ts', {
  DATABASE_URL: url.toString(),
  SECURITY__API_KEY: 'fanout',
  RATE_LIMIT__MAX: '100000000',
  WS_MAX_CONNECTIONS: String(SUBSCRIBERS + 5),
});

try {
  const port = server.port;
  const base = `http://127.0.0.1:${port}`;
  const latencies: number[] = [];
  const received = Array.from({ length: SUBSCRIBERS }, () => new Set<string>());
  const sockets = Array.from({ length: SUBSCRIBERS }, (_, index) => {
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
  await sleep(500);

  const total = SECONDS * RATE;
  const started = Date.now();
  const writes: Promise<Response>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    if (due > Date.now()) await sleep(due - Date.now());
    writes.push(fetch(`${base}/api/quests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `q${i}`, triggerEvent: 'bench', target: 1 }) }));
  }
  const offeredRate = total / ((Date.now() - started) / 1000);
  const statuses = (await Promise.all(writes)).map((res) => res.status);
  const committed = statuses.filter((status) => status === 201).length;
  for (let waited = 0; waited < 10_000 && received.some((ids) => ids.size < committed); waited += 100) await sleep(100);
  sockets.forEach((socket) => socket.close());

  const sorted = [...latencies].sort((a, b) => a - b);
  const lost = received.map((ids) => committed - ids.size);
  console.log(`${SUBSCRIBERS} subscribers, ${RATE} mutations/s for ${SECONDS} s: ${committed} of ${total} mutations committed`);
  console.log(`offered rate: ${offeredRate.toFixed(0)} mutations/s`);
  console.log(`delivery latency from commit: p50 ${percentile(sorted, 50)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted.at(-1)} ms over ${sorted.length} deliveries`);
  console.log(`events lost per subscriber: ${lost.join(', ')}`);
} finally {
  await stopTarget(server);
  await admin(`drop database if exists "${database}" with (force)`);
}
