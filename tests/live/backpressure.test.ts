// A live subscriber that reads nothing (see the README's "Live views"): under a steady stream of large events, the
// server stops sending to it once its socket holds 1 MB, closes it with 4410 when it stays that full, keeps its
// memory within a bound meanwhile, and the client resumes from its last id without a gap. On PostgreSQL, the
// production database, with the server in its own process so that its memory is its own.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createTestDatabase, onPostgres, queryDatabase, type TestDatabase } from '../support/database.ts';
import { runServerProcess, type ServerProcess } from '../support/process.ts';

/**
 * How long the subscriber reads nothing, and how much the server's RSS may grow meanwhile. The server's heap is
 * capped so that V8 collects as it goes, rather than growing lazily under the load: what an unbounded socket buffer
 * would hold is off the heap, and shows in the RSS.
 */
const SILENT_MS = 30_000;
const RSS_BOUND_MB = 64;
const HEAP_MB = 256;
/** Each event carries this much usage data, so the stream is some megabytes a second. */
const USAGE_BYTES = 16 * 1024;

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match![1]) / 1024;
}

interface TrpcMessage {
  id: number;
  result?: { type: string; id?: string; data?: { id: string } };
  error?: unknown;
}

/** A raw WebSocket client of tRPC's protocol, so the test can stop reading from its socket. */
function rawSubscriber(port: number, lastEventId: string | null) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`);
  const received: string[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const started = new Promise<void>((resolve) => {
    socket.on('message', (raw) => {
      const text = raw.toString();
      if (text === 'PING') return socket.send('PONG');
      const message = JSON.parse(text) as TrpcMessage;
      if (message.result?.type === 'started') resolve();
      if (message.result?.type === 'data') received.push(message.result.id!);
    });
  });
  socket.on('open', () => {
    socket.send(
      JSON.stringify({
        id: 1,
        method: 'subscription',
        params: { path: 'aurora.live.events', input: lastEventId === null ? undefined : { lastEventId } },
      }),
    );
  });
  return { socket, received, closed, started };
}

describe.skipIf(!onPostgres)('a subscriber that reads nothing for 30 s under load', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let port: number;
  beforeAll(async () => {
    database = await createTestDatabase();
    server = runServerProcess({
      DATABASE_URL: database.url,
      SECURITY__API_KEY: 'backpressure-key-0123456789',
      WS_IDLE_TIMEOUT_MS: '120000',
      RATE_LIMIT__MAX: '100000000',
      NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}`,
    });
    port = ((await server.waitForLog('listening')) as { port: number }).port;
  });
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await database?.drop();
  });

  it('is closed with 4410, the server stays within its memory bound, and the client resumes without a gap', async () => {
    let writing = true;
    const usageData = { blob: 'x'.repeat(USAGE_BYTES) };
    const writers = Array.from({ length: 8 }, async (_, writer) => {
      for (let i = 0; writing; i++) {
        const body = JSON.stringify({ name: `load ${writer}-${i}`, type: 'MATERIAL', rarity: 'C', usageData });
        const response = await fetch(`http://127.0.0.1:${port}/api/items`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        expect(response.status).toBe(201);
      }
    });
    try {
      await sleep(3000);
      const slow = rawSubscriber(port, null);
      await slow.started;
      await sleep(200);
      const before = rssMb(server.child.pid!);
      (slow.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
      let peak = before;
      for (let waited = 0; waited < SILENT_MS; waited += 500) {
        await sleep(500);
        peak = Math.max(peak, rssMb(server.child.pid!));
      }
      writing = false;
      await Promise.all(writers);
      expect(peak - before, `RSS grew from ${before.toFixed(0)} MB to ${peak.toFixed(0)} MB`).toBeLessThan(
        RSS_BOUND_MB,
      );

      (slow.socket as unknown as { _socket: { resume(): void } })._socket.resume();
      expect(await slow.closed).toEqual({ code: 4410, reason: 'fell behind the live events; resume with lastEventId' });
      expect(slow.received.length).toBeGreaterThan(0);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toContain('\nlive_subscribers_closed_behind_total{family="aurora"} 1\n');

      const committed = (
        await queryDatabase<{ id: string }>(
          database.url,
          "select id::text as id from live_events where family = 'aurora' and id > $1 order by live_events.id",
          [slow.received[0]],
        )
      ).map((row) => row.id);
      const resumed = rawSubscriber(port, slow.received.at(-1)!);
      for (
        let waited = 0;
        slow.received.length - 1 + resumed.received.length < committed.length && waited < 20_000;
        waited += 100
      )
        await sleep(100);
      resumed.socket.close();
      expect([...slow.received.slice(1), ...resumed.received]).toEqual(committed);
    } finally {
      writing = false;
      await Promise.all(writers);
    }
  }, 90_000);
});
