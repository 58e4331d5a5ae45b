// An `Upgrade: h2c` offer, as Java 17's default HttpClient sends one with every request over http://, is served as the
// plain HTTP/1.1 request it is, body included; only GET /ws with `Upgrade: websocket` becomes a WebSocket.
import { describe, expect, it } from 'vitest';
import { API_KEY, hubgw, useTestServer } from '../support/server.ts';
import { rawExchange } from '../support/raw-http.ts';

const server = useTestServer();
const PLAYER = '0b6f3e6a-9d7c-4a56-8c1e-2f4d5a6b7c8d';
/** Captured from `java.net.http.HttpClient.newHttpClient()` (OpenJDK 17.0.15) sending to a plain socket. */
const HTTP2_SETTINGS = 'AAEAAEAAAAIAAAAAAAMAAAAAAAQBAAAAAAUAAEAAAAYABgAA';

function host(): string {
  return new URL(server.url).host;
}

/** A request with exactly the headers, in the order, that Java 17's HttpClient writes. */
function javaRequest(method: string, path: string, body?: string): string {
  const lines = [
    `${method} ${path} HTTP/1.1`,
    'Connection: Upgrade, HTTP2-Settings',
    `Content-Length: ${Buffer.byteLength(body ?? '')}`,
    `Host: ${host()}`,
    `HTTP2-Settings: ${HTTP2_SETTINGS}`,
    'Upgrade: h2c',
    'User-Agent: Java-http-client/17.0.15',
    ...(body === undefined ? [] : ['Content-Type: application/json']),
    `X-API-Key: ${API_KEY}`,
  ];
  return `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`;
}

describe('an h2c upgrade offer', () => {
  it('on a GET is answered as HTTP/1.1, with the route’s body', async () => {
    const [res] = await rawExchange(server.url, javaRequest('GET', '/api/v1/health/'));
    expect(res!.status).toBe(200);
    expect(res!.headers.upgrade).toBeUndefined();
    expect(res!.headers['x-request-id']).toMatch(/\S/);
    expect(JSON.parse(res!.body)).toEqual({ status: 'ok', database: 'up' });
  });

  it('on a POST with a JSON body is served with that body, and the kept-alive connection serves the next', async () => {
    const cooldown = JSON.stringify({ player_uuid: PLAYER, cooldown_type: 'h2c', cooldown_seconds: 600 });
    const check = JSON.stringify({ player_uuid: PLAYER, cooldown_type: 'h2c' });
    const [created, checked] = await rawExchange(server.url, [
      javaRequest('POST', '/api/v1/cooldowns/', cooldown),
      javaRequest('POST', '/api/v1/cooldowns/check', check),
    ]);
    expect([created!.status, JSON.parse(created!.body)]).toEqual([201, { message: 'Cooldown created successfully' }]);
    expect(checked!.status).toBe(200);
    expect(JSON.parse(checked!.body)).toMatchObject({ is_active: true, remaining_seconds: 600 });

    const stored = await hubgw(server, 'POST', '/cooldowns/check', {
      json: { player_uuid: PLAYER, cooldown_type: 'h2c' },
    });
    expect(stored.body).toMatchObject({ is_active: true });
  });

  it('with an error answers in the family’s format, not a bare 404', async () => {
    const [res] = await rawExchange(server.url, javaRequest('GET', '/api/v1/nothing/here'));
    expect([res!.status, JSON.parse(res!.body)]).toEqual([
      404,
      { message: 'No route for GET /api/v1/nothing/here', code: 'not_found' },
    ]);
  });
});

describe('a WebSocket upgrade', () => {
  const websocketHeaders = (method: string, path: string) =>
    [
      `${method} ${path} HTTP/1.1`,
      `Host: ${host()}`,
      'Connection: Upgrade',
      'Upgrade: websocket',
      'Sec-WebSocket-Version: 13',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      '',
      '',
    ].join('\r\n');

  it('of GET /ws switches protocols', async () => {
    const [res] = await rawExchange(server.url, websocketHeaders('GET', '/ws'), { headOnly: true });
    expect(res!.status).toBe(101);
    expect(res!.headers.upgrade).toBe('websocket');
  });

  it('of any other path is the plain request it carries', async () => {
    const [res] = await rawExchange(server.url, websocketHeaders('GET', '/api/health'));
    expect(res!.status).toBe(200);
    expect(JSON.parse(res!.body)).toMatchObject({ status: 'ok', database: 'up' });
  });
});
