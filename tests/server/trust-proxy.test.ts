// TRUST_PROXY: behind trusted proxies the client is the address X-Forwarded-For names, as express's `trust proxy`
// reads it, and that client is what the rate limit, the pending-socket bound and the request log see. Without it the
// header is ignored, so a client cannot choose its own address.
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import WebSocket from 'ws';
import { ConfigError, loadConfig } from '#src/config.ts';
import { MAX_PENDING_PER_ADDRESS } from '#src/http/websocket.ts';
import { request, type TestServer, useTestServer } from '../support/server.ts';

const LIMIT = { RATE_LIMIT__MAX: '2', RATE_LIMIT__WINDOW_SECONDS: '3600' };

function from(server: TestServer, forwardedFor: string) {
  return request(server, 'GET', '/api/items', { headers: { 'X-Forwarded-For': forwardedFor } });
}

async function statuses(server: TestServer, forwardedFor: string, count: number): Promise<number[]> {
  const answers = [];
  for (let i = 0; i < count; i++) answers.push((await from(server, forwardedFor)).status);
  return answers;
}

describe('without TRUST_PROXY', () => {
  const server = useTestServer({ env: LIMIT });

  it('ignores X-Forwarded-For: every request is its peer, whatever address it claims', async () => {
    expect((await from(server, '198.51.100.1')).status).toBe(200);
    expect((await from(server, '198.51.100.2')).status).toBe(200);
    expect((await from(server, '198.51.100.3')).status).toBe(429);
  });
});

describe('TRUST_PROXY as a hop count', () => {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const server = useTestServer({ env: { ...LIMIT, TRUST_PROXY: '1' }, log });

  it('limits each client X-Forwarded-For names, not the proxy', async () => {
    expect(await statuses(server, '203.0.113.7', 3)).toEqual([200, 200, 429]);
    expect(await statuses(server, '203.0.113.8', 2)).toEqual([200, 200]);
  });

  it("trusts only the nearest hop: what a client writes before its proxy's entry is not its address", async () => {
    expect(await statuses(server, '203.0.113.7, 203.0.113.9', 3)).toEqual([200, 200, 429]);
  });

  it('names the client in the request log line', async () => {
    await from(server, '203.0.113.10');
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request', path: '/api/items', client: '203.0.113.10' }),
    );
  });
});

describe('TRUST_PROXY and sockets without a credential', () => {
  // With an admin token, a socket waits for its credential, and counts against its client's pending bound meanwhile.
  const server = useTestServer({ env: { TRUST_PROXY: '1', SECURITY__ADMIN_TOKEN: 'trust-proxy-token' } });

  it('bounds the sockets without a credential per client, not per proxy', async () => {
    const url = `${server.url.replace('http', 'ws')}/ws`;
    const open = (client: string) =>
      new Promise<WebSocket>((resolve, reject) => {
        const socket = new WebSocket(url, { headers: { 'X-Forwarded-For': client } });
        socket.on('open', () => resolve(socket));
        socket.on('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
        socket.on('error', reject);
      });
    const held = await Promise.all(Array.from({ length: MAX_PENDING_PER_ADDRESS }, () => open('203.0.113.20')));
    try {
      await expect(open('203.0.113.20')).rejects.toThrow('refused 429');
      const other = await open('203.0.113.21');
      other.close();
    } finally {
      for (const socket of held) socket.close();
    }
  });
});

describe('TRUST_PROXY as proxy addresses', () => {
  const server = useTestServer({ env: { ...LIMIT, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' } });

  it('skips every trusted proxy, and stops at the first address that is not one', async () => {
    expect(await statuses(server, '203.0.113.30, 10.1.2.3', 3)).toEqual([200, 200, 429]);
    expect(await statuses(server, '203.0.113.31', 2)).toEqual([200, 200]);
  });
});

it('refuses a TRUST_PROXY that is neither a hop count nor addresses, naming the variable', () => {
  expect(() => loadConfig({ TRUST_PROXY: 'proxy.example.com' }, () => 'key')).toThrow(ConfigError);
  expect(() => loadConfig({ TRUST_PROXY: 'proxy.example.com' }, () => 'key')).toThrow(/TRUST_PROXY/);
});
