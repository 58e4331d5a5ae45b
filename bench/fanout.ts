// `npm run bench:fanout`: live subscribers on PostgreSQL while REST mutations arrive at a steady rate. For each load
// it reports how long each event took from its commit (the event's timestamp) to each subscriber, and whether any
// was lost, against the goal: p99 under 50 ms with nothing lost; and, from the server's own histogram, the part of
// the p99 spent before the server handed the event to the socket. Prints Markdown.
//   BENCH_DATABASE_URL (admin connection), FANOUT_SECONDS (default 10)
//   FANOUT_LOADS: subscribers×rate pairs, comma-separated (default 10x200,10x500,10x1000,100x200)
import pg from 'pg';
import { FANOUT_GOAL_P99_MS, type FanoutResult, fanoutGoalMet, measureFanout } from './fanout-measure.ts';
import { startTarget, stopTarget } from './processes.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.FANOUT_SECONDS ?? 10);
const LOADS = (process.env.FANOUT_LOADS ?? '10x200,10x500,10x1000,100x200').split(',').map((load) => {
  const [subscribers, rate] = load.split('x').map(Number);
  return { subscribers: subscribers!, rate: rate! };
});

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
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
  const results: FanoutResult[] = [];
  for (const load of LOADS) {
    const result = await measureFanout(server.port, load.subscribers, load.rate, SECONDS);
    console.error(`measured ${load.subscribers} × ${load.rate}/s: p99 ${result.p99} ms, lost ${result.lost}`);
    results.push(result);
  }
  console.log(
    `Live event fan-out on PostgreSQL, ${SECONDS} s per load; latency from the event's commit to each subscriber.\n`,
  );
  console.log(
    `| subscribers | changes/s asked / offered | committed | p50 ms | p99 ms | max ms | server-side p99 ms (bucket) | lost | goal (p99 < ${FANOUT_GOAL_P99_MS} ms, 0 lost) |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const met = fanoutGoalMet(r, SECONDS) ? 'met' : 'missed';
    console.log(
      `| ${r.subscribers} | ${r.rate} / ${r.offered.toFixed(0)} | ${r.committed} | ${r.p50} | ${r.p99} | ${r.max} | ≤ ${r.serverP99} | ${r.lost} | ${met} |`,
    );
  }
} finally {
  await stopTarget(server);
  await admin(`drop database if exists "${database}" with (force)`);
}
