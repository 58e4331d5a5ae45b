// Live fan-out, measured against a running server: subscribers on /ws while REST mutations arrive at a steady rate.
// Latency is from each event's commit (its timestamp) to each subscriber's receipt; the server-side part comes from
// the server's own delivery-lag histogram.
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppRouter } from '../routers/index.ts';

export const FANOUT_GOAL_P99_MS = 50;

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

export interface FanoutResult {
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

export async function measureFanout(
  port: number,
  subscribers: number,
  rate: number,
  seconds: number,
): Promise<FanoutResult> {
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

  const total = seconds * rate;
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

/** Met when the p99 is under the goal, nothing was lost, and every offered change committed. */
export function fanoutGoalMet(result: FanoutResult, seconds: number): boolean {
  return result.p99 < FANOUT_GOAL_P99_MS && result.lost === 0 && result.committed === seconds * result.rate;
}
