// Sockets that pipeline requests for a big answer and never read what comes back: the server holds a bounded amount
// per connection, keeps answering everyone else, and gives the memory back once they go. The answer is an item list
// of about 220 KB, built afresh for every request as any domain answer is. The server runs as its own process so its
// resident memory can be read from /proc.
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServerProcess, type ServerProcess } from '../support/process.ts';
import { openSocket } from '../support/raw-http.ts';

const SOCKETS = 50;
/** Pipelined on each socket; unbounded, 50 × 200 answers would be about 2 GB. */
const REQUESTS_PER_SOCKET = 200;
const ITEMS = 100;
const FLOODED_PATH = `/api/items?limit=${ITEMS}`;
const MB = 1024 * 1024;

let server: ServerProcess;
let url: string;

function residentBytes(): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'));
  return Number(match![1]) * 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens sockets that each send `count` pipelined GETs of the item list and then never read. */
async function floodingSockets(sockets: number, count: number): Promise<Socket[]> {
  const host = new URL(url).host;
  const payload = `GET ${FLOODED_PATH} HTTP/1.1\r\nHost: ${host}\r\n\r\n`.repeat(count);
  const opened = await Promise.all(Array.from({ length: sockets }, () => openSocket(url)));
  for (const socket of opened) {
    socket.on('error', () => undefined);
    socket.pause();
    socket.write(payload);
  }
  return opened;
}

async function healthMs(): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) });
  expect(response.status).toBe(200);
  await response.arrayBuffer();
  return performance.now() - started;
}

/** The highest resident size seen over `ms`, sampled every 100 ms. */
async function peakOver(ms: number): Promise<number> {
  let peak = residentBytes();
  for (let waited = 0; waited < ms; waited += 100) {
    await sleep(100);
    peak = Math.max(peak, residentBytes());
  }
  return peak;
}

beforeAll(async () => {
  server = runServerProcess({ RATE_LIMIT__MAX: '1000000' });
  url = String((await server.waitForLog('listening')).url);
  for (let i = 0; i < ITEMS; i++) {
    const item = { name: `Flood item ${i}`, description: 'x'.repeat(2000), type: 'MATERIAL', rarity: 'C', price: '1' };
    const created = await fetch(`${url}/api/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(item),
    });
    expect(created.status).toBe(201);
  }
  // Warmed up and the heap settled before the baseline is read.
  for (let i = 0; i < 20; i++) await (await fetch(`${url}${FLOODED_PATH}`)).arrayBuffer();
  await sleep(500);
});

afterAll(async () => {
  server.child.kill('SIGTERM');
  await server.exited;
});

describe('pipelined requests that are never read', () => {
  it('from one socket hold a few answers, not all of them', async () => {
    const before = residentBytes();
    const [socket] = await floodingSockets(1, REQUESTS_PER_SOCKET);
    const peak = await peakOver(1500);
    socket!.destroy();
    expect((peak - before) / MB).toBeLessThan(20);
  });

  it(`from ${SOCKETS} sockets add at most 100 MB, health answers meanwhile, and the memory comes back`, {
    timeout: 90_000,
  }, async () => {
    const before = residentBytes();
    const sockets = await floodingSockets(SOCKETS, REQUESTS_PER_SOCKET);
    // Measured once each socket has had the answers it may have in flight, and holds the rest of its flood.
    await sleep(2000);
    const health: number[] = [];
    for (let i = 0; i < 10; i++) health.push(await healthMs());
    const peak = await peakOver(2000);
    for (const socket of sockets) socket.destroy();

    let after = residentBytes();
    for (let waited = 0; waited < 30_000 && after - before > 30 * MB; waited += 250) {
      await sleep(250);
      after = residentBytes();
    }
    health.sort((a, b) => a - b);
    const report = { addedMb: (peak - before) / MB, afterMb: (after - before) / MB, healthMedianMs: health[5] };
    expect(report.addedMb, JSON.stringify(report)).toBeLessThan(100);
    expect(report.healthMedianMs, JSON.stringify(report)).toBeLessThan(50);
    expect(report.afterMb, JSON.stringify(report)).toBeLessThan(30);
  });
});
