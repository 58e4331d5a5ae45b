// The per-connection budget's mechanics, on a real node:http server with small limits: pipelined requests are all
// answered in order, a connection pipelining past what may wait is closed, and so is one that stops reading.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withConnectionBudget } from '#src/http/connection-budget.ts';
import { openSocket, rawExchange } from '../support/raw-http.ts';

const BUDGET = { maxInFlight: 2, maxWaiting: 4, stallMs: 300 };
const BIG = Buffer.alloc(16 * 1024 * 1024, 'x');
let server: Server;
let url: string;
let handled = 0;

beforeAll(async () => {
  // `/wait/<ms>` answers its own path after that many ms; `/big` answers 16 MB at once, so that a few of them fill
  // the kernel's buffers on both ends of a loopback connection whose client does not read.
  server = createServer(
    withConnectionBudget((req, res) => {
      handled++;
      if (req.url === '/big') return res.end(BIG);
      setTimeout(() => res.end(req.url), Number(req.url!.split('/')[2]));
    }, BUDGET),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: test\r\n\r\n`;

describe('a connection budget', () => {
  it('answers as many pipelined requests as may wait, in order, slow ones first', async () => {
    const paths = ['/wait/60', '/wait/0', '/wait/30', '/wait/0', '/wait/10', '/wait/0'];
    const responses = await rawExchange(url, paths.map(get).join(''), { count: paths.length });
    expect(responses.map((response) => response.body)).toEqual(paths);
  });

  it('closes a connection that pipelines more than may wait, having started no more than its share', async () => {
    handled = 0;
    const socket = await openSocket(url);
    const closed = new Promise((resolve) => socket.on('close', resolve));
    socket.on('error', () => undefined);
    socket.write(get('/wait/50').repeat(BUDGET.maxInFlight + BUDGET.maxWaiting + 1));
    await closed;
    expect(handled).toBe(BUDGET.maxInFlight);
  });

  it('closes a connection that leaves its answers unread', async () => {
    const requests = 1 + BUDGET.maxWaiting;
    const socket = await openSocket(url);
    socket.pause();
    socket.on('error', () => undefined);
    socket.write(get('/big').repeat(requests));
    await new Promise((resolve) => setTimeout(resolve, BUDGET.stallMs * 4));
    // Read at last: what the server had sent before it closed arrives, then the end, and far from all was sent.
    let received = 0;
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    socket.resume();
    const outcome = await Promise.race([closed.then(() => 'closed'), new Promise((r) => setTimeout(r, 5000, 'open'))]);
    expect(outcome).toBe('closed');
    expect(received).toBeLessThan(requests * BIG.length);
  });

  it('keeps a connection that reads slowly but steadily', async () => {
    const [response] = await rawExchange(url, get('/big'));
    expect(response!.body.length).toBe(BIG.length);
  });
});
