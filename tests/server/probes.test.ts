// GET /livez and GET /readyz: public, never rate-limited, in the OpenAPI document; /readyz answers 503 from the moment a
// shutdown begins. Their answers during a database outage are in faults.test.ts.
import { describe, expect, it } from 'vitest';
import { openSocket } from '../support/raw-http.ts';
import { request, startTestServer, useTestServer } from '../support/server.ts';

describe('the probes', () => {
  const server = useTestServer({
    env: { SECURITY__ADMIN_TOKEN: 'admin-token-0123456789abcdef', RATE_LIMIT__MAX: '1' },
  });

  it('answer without a credential and are never rate-limited', async () => {
    for (let i = 0; i < 3; i++) {
      const live = await request(server, 'GET', '/livez');
      expect([live.status, live.body, live.headers.get('ratelimit')]).toEqual([200, { status: 'ok' }, null]);
      const ready = await request(server, 'GET', '/readyz/');
      expect([ready.status, ready.body, ready.headers.get('ratelimit')]).toEqual([
        200,
        { status: 'ready', database: 'up' },
        null,
      ]);
    }
  });

  it('are in the OpenAPI document, public, readiness with its 503', async () => {
    const { body } = await request(server, 'GET', '/openapi.json');
    expect(body.paths['/livez'].get.security).toEqual([]);
    expect(Object.keys(body.paths['/livez'].get.responses)).not.toContain('429');
    expect(body.paths['/readyz'].get.security).toEqual([]);
    expect(Object.keys(body.paths['/readyz'].get.responses)).toContain('503');
  });
});

describe('readiness during a shutdown', () => {
  it('answers 503 to a probe that arrives once the shutdown has begun', async () => {
    const server = await startTestServer();
    const socket = await openSocket(server.url);
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    const ended = new Promise((resolve) => socket.on('close', resolve));
    // Begun before the shutdown, so the connection is not idle and stays open; finished after it has begun.
    socket.write(`GET /readyz HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = server.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.write('\r\n');
    await ended;
    await closing;
    expect(answer).toMatch(/^HTTP\/1\.1 503 /);
    expect(answer).toContain('\r\n\r\n{"error":"Not ready","details":"shutting down"}');
  });
});
